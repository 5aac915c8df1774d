import ArgumentParser

/// `--rules FILE`, the same for every command that loads the catalog.
struct RuleFileOptions: ParsableArguments {
    @Option(name: .customLong("rules"),
            help: ArgumentHelp("A YAML rule file; repeatable. Its rules override built-ins with the same id.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []
}
