// wording: urllib3 as pip prints it ("ReadTimeoutError: HTTPSConnectionPool(host='pypi.org', port=443):
// Read timed out.", "ConnectTimeoutError(...Connection to pypi.org timed out...)").
extension Rule {
    static let pythonReadTimedOut = Rule(
        id: "python-http-timed-out",
        category: .networkTimeout,
        title: "Python package download timed out",
        severity: .error,
        literals: ["ReadTimeoutError", "ConnectTimeoutError"],
        regex: #"(?:ReadTimeoutError|ConnectTimeoutError)\(?[^(]*HTTPSConnectionPool\(host='(?<host>[^']+)'"#,
        explanation: """
            pip (or another urllib3 client) timed out talking to `{{host}}`: the build has no working outbound \
            route (a VPC project without NAT), a proxy blocks it, or the index was slow.
            """,
        remediation: """
            For VPC projects add a NAT gateway route; raise pip's timeout and retries \
            (`pip install --timeout 60 --retries 5 -r requirements.txt`); cache `~/.cache/pip` between builds.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/vpc-support.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command pip install -r requirements.txt
            Collecting boto3==1.34.0
            ↓ WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)")': /simple/boto3/
            ↓ pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out.
            """#,
        ],
        nonTriggering: [
            #"""
            Collecting boto3==1.34.0
              Downloading boto3-1.34.0-py3-none-any.whl (139 kB)
            """#,
        ]
    )
}
