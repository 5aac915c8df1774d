/// The secrets the tests feed to the redactor (AnalyzeTests) and to every rendered format of the built binary
/// (IntegrationTests): one list, so a kind added for one is checked by both.
public enum SecretCorpus {
    /// Lines as they appear in build logs, each with the secret that must not survive.
    public static let lines: [(line: String, secret: String)] = [
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("Using credentials ASIAY34FZKBOKMUTVV7A from the environment", "ASIAY34FZKBOKMUTVV7A"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("AWS_SECRET_ACCESS_KEY=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY ./deploy.sh", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
        (#"{"AccessKeyId": "ASIAXXXXXXXXXXXXXXXX", "SecretAccessKey": "Zx9+ab/cdEFgh1JKlmnOPqrSTuvWXyz0123456AB", "SessionToken": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6"}"#,
         "Zx9+ab/cdEFgh1JKlmnOPqrSTuvWXyz0123456AB"),
        (#"{"SessionToken": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6"}"#,
         "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6"),
        ("AWS_SESSION_TOKEN=FwoGZXIvYXdzEBYaDHqa0AP1/RRV/ExampleToken123", "FwoGZXIvYXdzEBYaDHqa0AP1/RRV/ExampleToken123"),
        ("docker login -u AWS -p eyJwYXlsb2FkIjoiZXhhbXBsZSJ9.c2lnbmF0dXJl -e none https://1.dkr.ecr.us-east-1.amazonaws.com",
         "eyJwYXlsb2FkIjoiZXhhbXBsZSJ9"),
        ("docker login -u deploy -p hunter2-secret registry.example.com", "hunter2-secret"),
        ("docker login --username deploy --password 'Pa55word!x' ghcr.io", "Pa55word!x"),
        ("helm registry login --password=s3cr3tValue registry.example.com", "s3cr3tValue"),
        ("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA==' https://api.example.com", "dXNlcjpwYXNzd29yZA=="),
        ("> Authorization: token abcdef0123456789secret", "abcdef0123456789secret"),
        ("curl -H \"Bearer abc.def-ghi_jkl12345\" https://x", "abc.def-ghi_jkl12345"),
        ("git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/org/repo.git", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
        ("GITHUB_TOKEN is github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"),
        ("using gho_abcdefghijklmnopqrstuvwxyz0123456789", "gho_abcdefghijklmnopqrstuvwxyz0123456789"),
        ("CI_JOB_TOKEN glpat-xYz1234567890abcdefgh", "glpat-xYz1234567890abcdefgh"),
        ("slack token xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp"),
        ("posting to https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX", "T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ("Cloning https://deploy:Sup3rS3cret@gitlab.example.com/group/project.git", "Sup3rS3cret"),
        ("psql postgres://admin:dbpass123@db.internal:5432/app", "dbpass123"),
        ("-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA7bq-----END RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7bq"),
        ("DB_PASSWORD=correct-horse-battery", "correct-horse-battery"),
        ("client_secret: 9f8e7d6c5b4a", "9f8e7d6c5b4a"),
    ] + kinds.map { ($0.line, $0.secret) }

    /// Secret kinds that once came out unredacted, each with a near-miss that must stay as it is.
    public static let kinds: [(kind: String, line: String, secret: String, nearMiss: String)] = [
        ("AWS secret key without / or + after its key id",
         "aws configure list: AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab",
         "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab",
         "checksum Kx7mQ2pLw9RtY4vBn6HsZ3cFd8GjA1eUoI5yTqWr for release"),
        ("quoted docker login password with spaces",
         #"docker login -u deploy -p "hunter2 horse staple" registry.example.com"#, "horse staple",
         #"docker login -u deploy --password-stdin registry.example.com < "token file""#),
        ("npm token of another length",
         "echo npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc",
         "npm_config_cache=/root/.npm npm_package_version=1.2.3"),
        (".npmrc _auth value",
         "//registry.npmjs.org/:_auth=dXNlcjpzM2NyZXRQYXNzd29yZA==", "dXNlcjpzM2NyZXRQYXNzd29yZA==",
         "npm ERR! code E401 Unable to authenticate, need: _auth setting for the registry"),
        ("one-line PGP private key block",
         "-----BEGIN PGP PRIVATE KEY BLOCK----- lQOYBGPgpgpsecretmaterialXYZ -----END PGP PRIVATE KEY BLOCK-----",
         "lQOYBGPgpgpsecretmaterialXYZ",
         "-----BEGIN PGP PUBLIC KEY BLOCK----- mQENBFpublicmaterialABC -----END PGP PUBLIC KEY BLOCK-----"),
    ]
}
