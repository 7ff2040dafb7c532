#!/usr/bin/env python3
"""Checks OTR event messages against the published contract: libs/contracts/asyncapi.json and
libs/contracts/schemas/<type>.v<version>.json (docs/integration.md, "Reading the events").

As a filter: python3 validate_events.py <contract dir> reads one JSON object per line,
{"topic", "key", "headers": {name: value}, "value": "<the message value as text>"},
and writes one line per message, {"errors": [...]}; an empty list means the message keeps the contract.
Needs only the jsonschema package (Debian: python3-jsonschema).
"""
import json
import sys
from pathlib import Path

import jsonschema


class Contract:
    def __init__(self, root):
        root = Path(root)
        doc = json.loads((root / "asyncapi.json").read_text(encoding="utf-8"))
        self.channels = {c["address"]: c for c in doc["channels"].values()}
        self.messages = doc["components"]["messages"]
        self.schemas = root / "schemas"
        self.validators = {}

    def validator(self, name):
        if name not in self.validators:
            schema = json.loads((self.schemas / f"{name}.json").read_text(encoding="utf-8"))
            cls = jsonschema.validators.validator_for(schema)
            self.validators[name] = cls(schema, format_checker=jsonschema.FormatChecker())
        return self.validators[name]

    def errors(self, topic, key, headers, value):
        """The ways one message breaks the contract; [] when it keeps it."""
        try:
            event = json.loads(value)
        except ValueError as e:
            return [f"value is not JSON: {e}"]
        if not isinstance(event, dict):
            return ["value is not a JSON object"]
        event_type = headers.get("event-type", event.get("type"))
        # Messages published before the event-version header existed carry the version only in the value.
        version = headers.get("event-version", str(event.get("version")))
        name = f"{event_type}.v{version}"
        channel = self.channels.get(topic)
        if channel is None:
            return [f"{topic} is not a published topic"]
        if name not in channel["messages"]:
            return [f"{name} is not published on {topic}"]
        where = lambda e: "/".join(str(p) for p in e.absolute_path) or "(root)"
        headers_schema = jsonschema.validators.validator_for({})(self.messages[name]["headers"]["schema"])
        found = [f"header {where(e)}: {e.message}" for e in headers_schema.iter_errors(headers)]
        found += [f"value {where(e)}: {e.message}" for e in self.validator(name).iter_errors(event)]
        if key != event.get("institutionId"):
            found.append(f"key {key!r} is not the value's institutionId")
        return found


if __name__ == "__main__":
    contract = Contract(sys.argv[1])
    for line in sys.stdin:
        if line.strip():
            m = json.loads(line)
            print(json.dumps({"errors": contract.errors(m["topic"], m["key"], m["headers"], m["value"])}), flush=True)
