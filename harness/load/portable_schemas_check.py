#!/usr/bin/env python3
"""A second, independent validator for conform's schemas (Python's jsonschema).

Usage: portable_schemas_check.py SCHEMAS_DIR ITEMS.json
ITEMS.json is a list of {"schema": "update.request", "body": ...}. Prints a JSON list with one
boolean per item: does the body validate? Every schema file is registered under its $id, so $refs
resolve by id alone, as any draft-07 validator would resolve them (no file-system lookups).
Exit 2 with a one-line message when jsonschema is missing or a schema has no $id.
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("portable_schemas_check: Python's jsonschema is missing (Debian: python3-jsonschema)")


def load_schemas(folder):
    schemas = {}
    for path in sorted(pathlib.Path(folder).glob("*.schema.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "$id" not in doc or "$schema" not in doc:
            sys.exit(f"portable_schemas_check: {path}: needs $schema and $id")
        schemas[path.name[: -len(".schema.json")]] = doc
    return schemas


def validator_for(schema, all_schemas):
    try:  # jsonschema >= 4.18: the referencing library
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT7

        registry = Registry().with_resources(
            (doc["$id"], Resource.from_contents(doc, default_specification=DRAFT7)) for doc in all_schemas.values()
        )
        return jsonschema.Draft7Validator(schema, registry=registry)
    except ImportError:  # older jsonschema (Debian 12 ships 4.10): a resolver with a store
        store = {doc["$id"]: doc for doc in all_schemas.values()}
        resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
        return jsonschema.Draft7Validator(schema, resolver=resolver)


def main():
    schemas = load_schemas(sys.argv[1])
    items = json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"))
    validators = {}
    verdicts = []
    for item in items:
        name = item["schema"]
        if name not in validators:
            validators[name] = validator_for(schemas[name], schemas)
        verdicts.append(validators[name].is_valid(item["body"]))
    print(json.dumps(verdicts))


if __name__ == "__main__":
    main()
