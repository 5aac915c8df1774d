# cbtriage in a small runtime image. Build: docker build -t cbtriage .
# Run:   docker run --rm -v "$PWD:/logs" cbtriage /logs/build.log
#        docker run --rm -e AWS_REGION -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN cbtriage build PROJECT:UUID

# Build stage: the Swift toolchain and the -dev packages; the binary links the Swift runtime statically.
FROM swift:6.3-bookworm AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev zlib1g-dev pkg-config \
      libvectorscan-dev libpcre2-dev git >/dev/null \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make install PREFIX=/opt/cbtriage

# Runtime stage: glibc, libcurl, zlib, Vectorscan and PCRE2 only (no Swift toolchain).
FROM debian:bookworm-slim
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ca-certificates libcurl4 zlib1g \
      libvectorscan5 libpcre2-8-0 >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/cbtriage /usr/local
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/cbtriage"]
CMD ["--help"]
