#!/usr/bin/env python3
"""Checks docker/compose.yml without a Docker engine (python3 + PyYAML, Debian package python3-yaml).

Parses the file, applies the ${VAR:-default} defaults, checks the structure (services, loopback-only published
ports, network namespaces, images built from this repository) and prints, as JSON, each Keycloak node's settings
as the equivalent `kc.sh start` options (KC_FOO_BAR=x -> --foo-bar=x; KC_SPI_A__B__C -> --spi-a--b--c). The
integration test DockerPackagingIT compares those options with the ones the cluster test starts its nodes with.
Exit code 0 when valid, 1 with the reasons otherwise.

    python3 docker/validate.py [docker/compose.yml]
"""
import json
import os
import re
import sys

import yaml

DEFAULT = re.compile(r"\$\{([A-Za-z0-9_]+)(?::-([^}]*))?\}")
# settings that are connection details or secrets, not `kc.sh start` options to compare
NOT_OPTIONS = {"KC_DB_URL", "KC_DB_USERNAME", "KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD"}


def defaults(value):
    """${VAR:-default} -> default, ${VAR} -> '' (compose's behaviour for an unset variable); $$ -> $."""
    if not isinstance(value, str):
        return value
    return DEFAULT.sub(lambda m: m.group(2) or "", value).replace("$$", "$")


def options(environment):
    result = []
    for name, value in sorted(environment.items()):
        if name.startswith("KC_") and name not in NOT_OPTIONS:
            result.append("--" + name[3:].lower().replace("_", "-") + "=" + str(defaults(value)))
    return result


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "compose.yml")
    with open(path, encoding="utf-8") as f:
        compose = yaml.safe_load(f)
    errors = []
    services = compose.get("services", {})
    for name in ("postgres", "keycloak", "keycloak-2", "scim-target"):
        if name not in services:
            errors.append(f"service {name} is missing")
    for name, service in services.items():
        for port in service.get("ports", []):
            if not defaults(str(port)).startswith("127.0.0.1:"):
                errors.append(f"{name}: published port {port} is not bound to the host's 127.0.0.1")
        if name != "keycloak" and name != "postgres" and service.get("network_mode") != "service:keycloak":
            errors.append(f"{name}: must share the keycloak container's network namespace (loopback, as in the tests)")
    for name, dockerfile in (("keycloak", "docker/Dockerfile"), ("scim-target", "docker/scim-target.Dockerfile")):
        build = services.get(name, {}).get("build", {})
        if build.get("context") != ".." or build.get("dockerfile") != dockerfile:
            errors.append(f"{name}: must be built from the repository root with {dockerfile}")
        elif not os.path.isfile(os.path.join(os.path.dirname(os.path.abspath(path)), "..", dockerfile)):
            errors.append(f"{name}: {dockerfile} does not exist")
    nodes = {}
    for name in ("keycloak", "keycloak-2"):
        service = services.get(name, {})
        if service.get("command") != ["start", "--optimized"]:
            errors.append(f"{name}: command must be [start, --optimized] (the image is built with kc.sh build)")
        env = service.get("environment", {})
        for required in sorted(NOT_OPTIONS):
            if not defaults(env.get(required)):
                errors.append(f"{name}: {required} has no value")
        node_options = options(env)
        node_name = next((o.split("=", 1)[1] for o in node_options if o.startswith("--spi-cache-embedded--default--node-name=")), name)
        nodes[node_name] = node_options
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print(json.dumps({"nodes": nodes, "db_url": defaults(services["keycloak"]["environment"]["KC_DB_URL"])}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
