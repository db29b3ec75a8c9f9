# Image of the ddlint GitHub Action (action.yml) and of the `ddlint` pre-commit
# hook (.pre-commit-hooks.yaml, language: docker, which runs `ddlint` from PATH).
# GitHub builds it with the directory of this file as the context, which is why
# it lives at the repository root.
#
# Stage 1 builds ddlint from this checkout on Debian 12 with the same setup
# script as a developer machine (build packages only: --minimal) and installs
# it; `cmake --install` strips the binary (CMakeLists.txt, DDLINT_INSTALL_STRIP).
FROM debian:12 AS build
COPY . /src/ddlint
WORKDIR /src/ddlint
RUN scripts/setup --deps-only --minimal \
 && cmake -S . -B /tmp/ddlint-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DDDLINT_BUILD_TESTS=OFF \
 && cmake --build /tmp/ddlint-build --target ddlint \
 && cmake --install /tmp/ddlint-build --prefix /opt/ddlint

# Stage 2: the stripped binary, the shared libraries it links (the runtime
# packages of scripts/setup's -dev packages) and git for --changed-since.
FROM debian:12-slim
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      libtomlplusplus3 git \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/ddlint/bin/ddlint /usr/local/bin/ddlint
COPY action/entrypoint.sh /usr/local/bin/ddlint-action
RUN chmod 755 /usr/local/bin/ddlint-action && ddlint --version
ENTRYPOINT ["/usr/local/bin/ddlint-action"]
