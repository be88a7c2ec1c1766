#!/usr/bin/python3
"""Validates every YAML (or JSON) document of a file against a JSON schema, by the draft its $schema
names (python3-jsonschema), and prints, as JSON, each document as parsed and the schema's errors
for it.

usage: schema_check.py SCHEMA.json FILE.yaml"""
import json
import sys

import yaml
from jsonschema.validators import validator_for


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    draft = validator_for(schema)
    draft.check_schema(schema)
    validator = draft(schema)
    with open(sys.argv[2]) as f:
        documents = [d for d in yaml.safe_load_all(f) if d is not None]
    print(json.dumps([{"document": d, "errors": ["%s: %s" % ("/".join(map(str, e.path)), e.message)
                                                 for e in validator.iter_errors(d)]} for d in documents]))


main()
