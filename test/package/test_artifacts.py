"""The release artifacts `npm run package` wrote into dist/, checked as each registry and its users will see them.

Run by `npm run test:package` (scripts/test-package.sh), which packages first when dist/ is out of date.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
PACKAGE = json.loads((ROOT / "package.json").read_text())
VERSION = PACKAGE["version"]
TARGETS = PACKAGE["jsii"]["targets"]
# The versions the wheel is installed with in a fresh venv: the peer floors, as the Python bindings are tested.
PYTHON_FLOORS = ["aws-cdk-lib==2.234.0", "constructs==10.5.0"]


def only(pattern: str, directory: Path) -> Path:
    """The one file in `directory` matching the glob `pattern`: none or two are both a packaging fault."""
    found = sorted(directory.glob(pattern))
    assert len(found) == 1, f"expected exactly one {pattern} in {directory}, found {[f.name for f in found]}"
    return found[0]


# --- npm ---------------------------------------------------------------------------------------------------------

def npm_tarball_names() -> list:
    with tarfile.open(only(f"{PACKAGE['name']}@{VERSION}.jsii.tgz", DIST / "js")) as tarball:
        return sorted(name.removeprefix("package/") for name in tarball.getnames())


def test_npm_tarball_holds_what_users_need_and_nothing_else():
    names = npm_tarball_names()
    lib = [name for name in names if name.startswith("lib/")]
    rest = [name for name in names if not name.startswith("lib/")]
    # .jsii.tabl.json: the README examples' translations, which other jsii libraries' docs reuse.
    assert rest == [".jsii", ".jsii.tabl.json", "API.md", "LICENSE", "README.md", "package.json"]
    modules = sorted(path.stem for path in (ROOT / "src").glob("*.ts"))
    assert lib == sorted([f"lib/{m}{ext}" for m in modules for ext in (".js", ".js.map", ".d.ts")])


def test_npm_tarball_maps_every_module_to_its_typescript_source():
    # Separate maps, not inline ones: Node reads a map only under --enable-source-maps, so loading costs nothing.
    with tarfile.open(only("*.jsii.tgz", DIST / "js")) as tarball:
        for module in sorted(path.stem for path in (ROOT / "src").glob("*.ts")):
            code = tarball.extractfile(f"package/lib/{module}.js").read().decode()
            source_map = json.load(tarball.extractfile(f"package/lib/{module}.js.map"))
            assert code.rstrip().endswith(f"//# sourceMappingURL={module}.js.map"), module
            # The sources ride in the map: src/ is not in the package.
            assert source_map["sources"] == [f"../src/{module}.ts"], module
            assert source_map["sourcesContent"] == [(ROOT / "src" / f"{module}.ts").read_text()], module


def test_npm_tarball_is_this_version_and_this_readme():
    with tarfile.open(only("*.jsii.tgz", DIST / "js")) as tarball:
        manifest = json.load(tarball.extractfile("package/package.json"))
        assembly = json.load(tarball.extractfile("package/.jsii"))
        readme = tarball.extractfile("package/README.md").read().decode()
    assert (manifest["version"], assembly["version"]) == (VERSION, VERSION)
    assert manifest["peerDependencies"] == PACKAGE["peerDependencies"]
    assert readme == (ROOT / "README.md").read_text()


# --- PyPI --------------------------------------------------------------------------------------------------------

def python_artifacts() -> list:
    wheel = only(f"cdk_websocket_stage-{VERSION}-py3-none-any.whl", DIST / "python")
    sdist = only(f"cdk_websocket_stage-{VERSION}.tar.gz", DIST / "python")
    return [wheel, sdist]


def test_twine_check_passes_on_the_wheel_and_the_sdist():
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, python_artifacts())],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


def test_wheel_metadata_names_the_peer_ranges_and_renders_the_readme():
    with zipfile.ZipFile(python_artifacts()[0]) as wheel:
        metadata = wheel.read(f"cdk_websocket_stage-{VERSION}.dist-info/METADATA").decode()
    requires = sorted(line.split(": ", 1)[1] for line in metadata.splitlines() if line.startswith("Requires-Dist: "))
    assert "aws-cdk-lib <3.0.0,>=2.234.0" in requires
    assert "constructs <11.0.0,>=10.5.0" in requires
    assert "Description-Content-Type: text/markdown" in metadata
    assert "# cdk-websocket-stage" in metadata


# What PyPI's catalogue and its users filter on. `Development Status` follows package.json's jsii `stability`.
DEVELOPMENT_STATUS = {"experimental": "Development Status :: 4 - Beta", "stable": "Development Status :: 5 - Production/Stable",
                      "deprecated": "Development Status :: 7 - Inactive"}


def wheel_classifiers() -> list:
    with zipfile.ZipFile(python_artifacts()[0]) as wheel:
        metadata = wheel.read(f"cdk_websocket_stage-{VERSION}.dist-info/METADATA").decode()
    return [line.split(": ", 1)[1] for line in metadata.splitlines() if line.startswith("Classifier: ")]


def test_wheel_is_classified_as_an_aws_cdk_2_library_and_typed():
    classifiers = wheel_classifiers()
    assert {"Framework :: AWS CDK", "Framework :: AWS CDK :: 2", "Typing :: Typed"} <= set(classifiers), classifiers
    assert TARGETS["python"]["classifiers"] == ["Framework :: AWS CDK", "Framework :: AWS CDK :: 2"]
    # Typing :: Typed is true: the package ships the PEP 561 marker
    with zipfile.ZipFile(python_artifacts()[0]) as wheel:
        assert f"{TARGETS['python']['module']}/py.typed" in wheel.namelist()


def test_wheel_development_status_is_the_jsii_stability_of_package_json():
    assert PACKAGE["stability"] == "experimental"
    statuses = [c for c in wheel_classifiers() if c.startswith("Development Status ::")]
    assert statuses == [DEVELOPMENT_STATUS[PACKAGE["stability"]]]


def test_the_jsii_assembly_states_the_stability():
    with tarfile.open(only("*.jsii.tgz", DIST / "js")) as tarball:
        assembly = json.load(tarball.extractfile("package/.jsii"))
    assert assembly["docs"]["stability"] == PACKAGE["stability"]


def test_wheel_installs_into_a_fresh_venv_and_synthesizes_a_stage(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([shutil.which("python3") or sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    # pip resolves the wheel's own dependency metadata; the floors only choose which allowed versions.
    install = subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              str(python_artifacts()[0]), *PYTHON_FLOORS], capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    program = (
        "import json, aws_cdk as cdk\n"
        "from aws_cdk import aws_apigatewayv2 as apigwv2\n"
        "import cdk_websocket_stage\n"
        "stack = cdk.Stack(cdk.App(), 'S')\n"
        "api = apigwv2.WebSocketApi(stack, 'Api')\n"
        "cdk_websocket_stage.WebSocketStage(stack, 'Stage', web_socket_api=api, stage_name='prod')\n"
        "resources = cdk.App.of(stack).synth().get_stack_by_name('S').template['Resources'].values()\n"
        "print(json.dumps([r['Properties'].get('StageName') for r in resources if r['Type'] == 'AWS::ApiGatewayV2::Stage']))\n"
    )
    run = subprocess.run([python, "-c", program], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == ["prod"]


# --- Maven Central -----------------------------------------------------------------------------------------------

MAVEN = TARGETS["java"]["maven"]
MAVEN_DIR = DIST / "java" / Path(*MAVEN["groupId"].split(".")) / MAVEN["artifactId"] / VERSION
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def jar_names(classifier: str = "") -> list:
    with zipfile.ZipFile(MAVEN_DIR / f"{MAVEN['artifactId']}-{VERSION}{classifier}.jar") as jar:
        return jar.namelist()


def pom_text(pom: ElementTree.Element, path: str) -> str:
    element = pom.find(path, POM_NS)
    return (element.text or "").strip() if element is not None else ""


def test_maven_repository_has_the_jar_the_sources_the_javadoc_and_the_pom():
    base = f"{MAVEN['artifactId']}-{VERSION}"
    files = {path.name for path in MAVEN_DIR.iterdir()}
    assert {f"{base}.jar", f"{base}-sources.jar", f"{base}-javadoc.jar", f"{base}.pom"} <= files
    package_dir = TARGETS["java"]["package"].replace(".", "/")
    assert f"{package_dir}/WebSocketStage.class" in jar_names()
    assert f"{package_dir}/WebSocketStage.java" in jar_names("-sources")
    assert f"{package_dir}/WebSocketStage.html" in jar_names("-javadoc")
    # the jar carries the npm tarball its jsii runtime loads
    assert any(name.endswith(f"{PACKAGE['name']}@{VERSION}.jsii.tgz") for name in jar_names())


def test_maven_coordinates_are_in_the_namespace_the_github_organization_verifies():
    # Maven Central verifies io.github.<name> for the GitHub account or organization <name>.
    organization = PACKAGE["repository"]["url"].split("/")[3]
    assert MAVEN["groupId"] == f"io.github.{organization}"
    # The Java package: the same name where Java allows no hyphen (JLS 6.1), a valid package name.
    assert TARGETS["java"]["package"] == MAVEN["groupId"].replace("-", "_")
    assert re.fullmatch(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*", TARGETS["java"]["package"])


def test_pom_has_what_maven_central_requires():
    pom = ElementTree.parse(MAVEN_DIR / f"{MAVEN['artifactId']}-{VERSION}.pom").getroot()
    coordinates = [pom_text(pom, f"m:{tag}") for tag in ("groupId", "artifactId", "version")]
    assert coordinates == [MAVEN["groupId"], MAVEN["artifactId"], VERSION]
    for required in ("name", "description", "url", "licenses/m:license/m:name", "licenses/m:license/m:url",
                     "developers/m:developer/m:name", "scm/m:connection", "scm/m:url"):
        assert pom_text(pom, f"m:{required}"), f"the pom has no {required}"
    assert pom_text(pom, "m:description") == PACKAGE["description"]
    assert pom_text(pom, "m:licenses/m:license/m:name") == "Apache License 2.0"
    assert re.fullmatch(r"https://\S+", pom_text(pom, "m:url")), pom_text(pom, "m:url")
    dependencies = {pom_text(dep, "m:artifactId"): pom_text(dep, "m:version")
                    for dep in pom.findall("m:dependencies/m:dependency", POM_NS)}
    assert {"aws-cdk-lib", "constructs", "jsii-runtime"} <= set(dependencies)


# --- Go ----------------------------------------------------------------------------------------------------------

GO = TARGETS["go"]
GO_MODULE_DIR = DIST / "go" / GO["packageName"]


def test_go_module_is_named_by_the_jsii_go_target_and_carries_the_version():
    go_mod = (GO_MODULE_DIR / "go.mod").read_text()
    assert go_mod.splitlines()[0] == f"module {GO['moduleName']}/{GO['packageName']}"
    assert (GO_MODULE_DIR / "version").read_text().strip() == VERSION
    assert (GO_MODULE_DIR / "WebSocketStage.go").is_file()
    assert (GO_MODULE_DIR / "jsii" / f"{PACKAGE['name']}-{VERSION}.tgz").is_file()
    # pacmak's build helpers must not be published
    assert not list(GO_MODULE_DIR.glob("local.go.*"))


# --- NuGet -------------------------------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("dotnet") is not None, reason="a .NET SDK is here: the NuGet package is checked")
def test_without_a_dotnet_sdk_no_nuget_package_is_claimed():
    assert not (DIST / "dotnet").exists()


@pytest.mark.skipif(shutil.which("dotnet") is None, reason="no .NET SDK on this machine: dist/dotnet is skipped")
def test_nuget_package_has_the_id_version_and_cdk_dependency():
    package_id = TARGETS["dotnet"]["packageId"]
    with zipfile.ZipFile(only(f"{package_id}.{VERSION}.nupkg", DIST / "dotnet")) as nupkg:
        nuspec = nupkg.read(f"{package_id}.nuspec").decode()
        assert any(name.endswith(f"/{package_id}.dll") for name in nupkg.namelist())
    assert f"<id>{package_id}</id>" in nuspec
    assert f"<version>{VERSION}</version>" in nuspec
    assert 'id="Amazon.CDK.Lib"' in nuspec
