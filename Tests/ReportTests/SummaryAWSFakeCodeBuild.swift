import Fetch
import Foundation

/// A CodeBuild that answers `ListBuildsForProject` (newest first, `pageSize` ids a page) and
/// `BatchGetBuilds` from a fixed list of builds, and records the operations it was asked for.
final class SummaryAWSFakeCodeBuild: AWSJSONCalling {
    struct Unexpected: Error { var operation: String }

    /// Builds per project, newest first (the order `ListBuildsForProject` DESCENDING gives).
    let builds: [String: [CodeBuildBuild]]
    let pageSize: Int
    private(set) var operations: [String] = []

    init(_ builds: [CodeBuildBuild], pageSize: Int = 100) {
        self.builds = Dictionary(grouping: builds, by: \.project)
        self.pageSize = pageSize
    }

    func callJSON(service: AWSService, operation: String, body: [UInt8]) throws -> [UInt8] {
        operations.append(operation)
        let request = (try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:]
        switch operation {
        case "ListBuildsForProject":
            let ids = (builds[request["projectName"] as? String ?? ""] ?? []).map(\.id)
            let from = Int(request["nextToken"] as? String ?? "0") ?? 0
            let upTo = min(from + pageSize, ids.count)
            var answer: [String: Any] = ["ids": Array(ids[from..<upTo])]
            if upTo < ids.count { answer["nextToken"] = String(upTo) }
            return Array(try JSONSerialization.data(withJSONObject: answer))
        case "BatchGetBuilds":
            let wanted = request["ids"] as? [String] ?? []
            let all = builds.values.flatMap { $0 }
            let found = wanted.compactMap { id in all.first { $0.id == id } }
            return Array(try JSONEncoder().encode(BatchGetBuildsResponse(builds: found, buildsNotFound: [])))
        default:
            throw Unexpected(operation: operation)
        }
    }
}

extension CodeBuildBuild {
    /// A finished build as `BatchGetBuilds` describes it: what the summary's window and tally read.
    static func fake(_ project: String, _ number: Int, status: String, startedAt start: Date) -> CodeBuildBuild {
        CodeBuildBuild(id: "\(project):0000000\(number)-0000-4000-8000-000000000000", buildNumber: number,
                       startTime: start.timeIntervalSince1970, buildStatus: status, projectName: project)
    }
}
