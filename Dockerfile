# Image of the ddlint GitHub Action (action.yml): builds ddlint from this
# checkout on Debian 12 with the same setup script as a developer machine and
# installs it. GitHub builds it with the directory of this file as the
# context, which is why it lives at the repository root.
FROM debian:12
COPY . /src/ddlint
WORKDIR /src/ddlint
RUN scripts/setup --deps-only \
 && cmake -S . -B /tmp/ddlint-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DDDLINT_BUILD_TESTS=OFF \
 && cmake --build /tmp/ddlint-build --target ddlint \
 && cmake --install /tmp/ddlint-build --prefix /usr/local \
 && rm -rf /tmp/ddlint-build \
 && install -m 755 action/entrypoint.sh /usr/local/bin/ddlint-action
ENTRYPOINT ["/usr/local/bin/ddlint-action"]
