import ArgumentParser
import Fetch
import Foundation

/// `cbtriage lambda`: the Lambda Runtime API loop of a function on the `provided.al2023` runtime whose
/// `bootstrap` is cbtriage (started as `bootstrap` with no arguments, it runs this). Next invocation, diagnose,
/// post, respond — or report the error and go on to the next one. It ends only when the Runtime API fails.
struct LambdaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda",
        abstract: "Run as an AWS Lambda function's bootstrap: diagnose each build state change event it is given.",
        discussion: "Needs AWS_LAMBDA_RUNTIME_API (Lambda sets it). Settings come from the environment: "
            + "CBTRIAGE_WEBHOOK (where reports are posted), CBTRIAGE_FORMAT (slack, json, markdown or text; default "
            + "slack), CBTRIAGE_ROLE_ARN or CBTRIAGE_ROLE_ARN_FOR_ACCOUNT, CBTRIAGE_EXTERNAL_ID, "
            + "CBTRIAGE_ROLE_SESSION_NAME, CBTRIAGE_RULE_FILES (colon-separated), CBTRIAGE_API_RATES, CBTRIAGE_VERBOSE=1; "
            + "the Region and credentials as Lambda sets them. See docs/lambda.md."
    )

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["AWS_LAMBDA_RUNTIME_API"], !host.isEmpty else {
            throw ValidationError("AWS_LAMBDA_RUNTIME_API is not set: 'cbtriage lambda' runs as a Lambda function's bootstrap")
        }
        let api = try LambdaRuntimeAPI(host: host, transport: CurlTransport())
        let handler: LambdaInvocationHandler
        do {
            handler = try LambdaInvocationHandler(settings: try LambdaSettings(environment: environment),
                                                  environment: environment, log: StandardStreams.error)
        } catch {
            // Lambda shows this error for the first invocation; the runtime then exits.
            try api.reportInitError(LambdaInvocationHandler.functionError(for: error))
            throw error
        }
        while true {
            let invocation = try api.next()
            switch handler.handle(invocation) {
            case .respond(let body): try api.respond(to: invocation, body: body)
            case .fail(let error): try api.reportError(for: invocation, error)
            }
        }
    }
}
