#!/usr/bin/env python3
"""Renders Markdown from stdin as GitHub does (CommonMark plus GFM tables, raw HTML allowed) with markdown-it-py
and prints what the tests check, as one JSON object:
  doubleEscaped  entities shown as text (`&amp;lt;` in the HTML: `&lt;` written where `<` was meant)
  codeWithEntity code spans or blocks whose text shows an entity literally
  detailsOpen / detailsClose  <details> blocks opened and closed in the raw HTML
  fencesOpened / fencesClosed fenced code blocks, and how many of them were closed before the end
  htmlTags       raw HTML tags that were not the report's own <details>/<summary>
  characters     length of the input
"""
import json
import re
import sys

from markdown_it import MarkdownIt


def main():
    text = sys.stdin.read()
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(text)
    html = md.render(text)
    allowed = re.compile(r"^</?(details|summary)>", re.I)
    tags = []
    code_with_entity = []
    fences_opened = fences_closed = 0
    lines = text.split("\n")
    for token in tokens:
        if token.type == "fence":
            fences_opened += 1
            end = token.map[1] if token.map else len(lines)
            last = lines[end - 1].strip() if end - 1 < len(lines) else ""
            if last.startswith(token.markup) and set(last) == {token.markup[0]}:
                fences_closed += 1
            if re.search(r"&(lt|gt|amp);", token.content):
                code_with_entity.append(token.content[:80])
        if token.type == "html_block":
            for tag in re.findall(r"</?[a-zA-Z][^>]*>", token.content):
                if not allowed.match(tag):
                    tags.append(tag)
        for child in token.children or []:
            if child.type == "code_inline" and re.search(r"&(lt|gt|amp);", child.content):
                code_with_entity.append(child.content[:80])
            if child.type == "html_inline" and not allowed.match(child.content):
                tags.append(child.content)
    print(json.dumps({
        "doubleEscaped": len(re.findall(r"&amp;(lt|gt);", html)),
        "codeWithEntity": code_with_entity,
        "detailsOpen": len(re.findall(r"<details>", text)),
        "detailsClose": len(re.findall(r"</details>", text)),
        "fencesOpened": fences_opened,
        "fencesClosed": fences_closed,
        "htmlTags": tags,
        "characters": len(text),
    }))


if __name__ == "__main__":
    main()
