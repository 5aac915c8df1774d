// Analyze owns the diagnosis: the catalog of known failure patterns, the one-pass matcher over
// every line, the checks that go beyond patterns (ECR registry URIs, login vs push, leaked
// credentials), ranking into a root cause, and redaction of secrets in evidence.
// It implements Parse's `BuildEventSink` and returns a finished `Diagnosis` value; it prints nothing.
