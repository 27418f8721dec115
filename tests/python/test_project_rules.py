"""The project's own rules, checked on the files and on the built manifest."""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT_DIR, query

SQL_FOLDERS = ["models", "macros", "tests", "analyses"]
DISPATCH_PREFIXES = ("default__", "duckdb__", "postgres__", "spark__")


def sql_files():
    for folder in SQL_FOLDERS:
        yield from sorted((PROJECT_DIR / folder).rglob("*.sql"))


def test_sql_lines_are_at_most_80_characters():
    long_lines = [
        f"{path.relative_to(PROJECT_DIR)}:{number}: {len(line)} characters"
        for path in sql_files()
        for number, line in enumerate(
            path.read_text(encoding="utf-8").splitlines(), start=1
        )
        if len(line) > 80
    ]
    assert not long_lines, "\n".join(long_lines)


def test_each_macro_file_is_named_after_its_public_macro():
    problems = []
    for path in sorted((PROJECT_DIR / "macros").rglob("*.sql")):
        names = re.findall(r"\{%-?\s*macro\s+(\w+)", path.read_text("utf-8"))
        public = [
            name
            for name in names
            if not name.startswith("_") and not name.startswith(DISPATCH_PREFIXES)
        ]
        if public != [path.stem]:
            problems.append(f"{path.relative_to(PROJECT_DIR)}: public {public}")
    assert not problems, "\n".join(problems)


def test_shortcomings_are_marked_in_the_house_form():
    # The words are assembled so that this line does not match itself.
    pattern = re.compile(
        r"\b(" + "|".join(["TO" + "DO", "FIX" + "ME", "X" * 3]) + r")\b"
    )
    marked = [
        f"{path.relative_to(PROJECT_DIR)}:{number}"
        for folder in [*SQL_FOLDERS, "scripts", "bench"]
        for path in sorted((PROJECT_DIR / folder).rglob("*"))
        if path.suffix in {".sql", ".py", ".yml", ".sh"}
        for number, line in enumerate(
            path.read_text(encoding="utf-8").splitlines(), start=1
        )
        if pattern.search(line)
    ]
    assert not marked, "use '-- todo: what is missing (impact)':\n" + "\n".join(marked)


def built_columns(demo_build) -> dict[str, list[str]]:
    rows = query(
        demo_build,
        "select table_name, column_name from information_schema.columns "
        "where table_catalog = current_database()",
    )
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    return columns


def project_nodes(manifest, resource_types=("model", "seed")):
    for node in manifest["nodes"].values():
        if node["package_name"] == "kam_scorecard" and (
            node["resource_type"] in resource_types
        ):
            yield node


def test_every_model_and_seed_is_described(manifest):
    undocumented = [
        node["unique_id"]
        for node in project_nodes(manifest)
        if not node["description"].strip()
    ]
    assert not undocumented, "\n".join(undocumented)


def test_every_built_column_is_documented_and_no_other(demo_build, manifest):
    columns = built_columns(demo_build)
    problems = []
    for node in project_nodes(manifest):
        name = node.get("alias") or node["name"]
        if node["config"].get("enabled") is False or name not in columns:
            continue
        documented = {
            column_name.lower(): column["description"].strip()
            for column_name, column in node["columns"].items()
        }
        for column in columns[name]:
            if not documented.get(column.lower()):
                problems.append(f"{node['unique_id']}: {column} undocumented")
        for column in set(documented) - {c.lower() for c in columns[name]}:
            problems.append(f"{node['unique_id']}: documents missing {column}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("forbidden", ["contact_name"])
def test_no_model_after_staging_holds_contact_names(demo_build, manifest, forbidden):
    columns = built_columns(demo_build)
    offenders = [
        f"{node['name']}.{column}"
        for node in project_nodes(manifest, ("model",))
        if "/staging/" not in f"/{node['original_file_path']}"
        for column in columns.get(node["name"], [])
        if column.lower() == forbidden
    ]
    assert not offenders, offenders


def test_staff_names_reach_one_dimension_only(demo_build, manifest):
    columns = built_columns(demo_build)
    holders = sorted(
        node["name"]
        for node in project_nodes(manifest, ("model",))
        if "/staging/" not in f"/{node['original_file_path']}"
        and "user_name" in [c.lower() for c in columns.get(node["name"], [])]
    )
    assert holders == ["dim_staff"]


def test_no_credentials_are_committed():
    profile = (PROJECT_DIR / "profiles.yml.example").read_text(encoding="utf-8")
    for line in profile.splitlines():
        if re.search(r"\b(password|token|secret)\s*:", line):
            assert "env_var(" in line, line


def test_every_public_macro_is_described_with_its_arguments(manifest):
    problems = []
    for macro in manifest["macros"].values():
        name = macro["name"]
        if macro["package_name"] != "kam_scorecard" or name.startswith(
            ("_", *DISPATCH_PREFIXES, "test_")
        ):
            continue
        if not macro["description"].strip():
            problems.append(f"{name}: no description")
        signature = re.search(
            r"macro\s+" + name + r"\s*\(([^)]*)\)", macro["macro_sql"]
        )
        expected = [
            argument.split("=")[0].strip()
            for argument in (signature.group(1) if signature else "").split(",")
            if argument.strip()
        ]
        documented = [argument["name"] for argument in macro["arguments"]]
        if documented != expected:
            problems.append(f"{name}: documents {documented}, takes {expected}")
    assert not problems, "\n".join(problems)
