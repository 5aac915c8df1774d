// Parse owns the structure of a CodeBuild build: phases, commands, exit statuses, context
// messages and timings, found in the agent's own lines. It reads `LogLine`s from Fetch and pushes
// every line, with where it stands in the build, to a `BuildEventSink` that it defines and that
// Analyze implements. It knows no failure patterns and renders nothing.
