// Fetch owns getting log bytes onto this machine and cutting them into lines:
// local files (plain, gzip through zlib, CloudWatch export files, get-log-events JSON), stdin,
// and AWS (CloudWatch Logs, CodeBuild) through SigV4-signed requests over libcurl.
// It knows nothing about phases, rules or reports, and never decides exit codes.
// Only one file imports CCurl (the libcurl transport) and only one imports CZlib (the gzip stream).
