#!/usr/bin/env python3
"""Turn the per-action error tables of ERROR-CODES.md into the emulator's catalogue.

The source is Alibaba Cloud's own API metadata for ECS 2014-05-26 (see the header of
ERROR-CODES.md for the repository and commit it was taken from). The output,
emulator/service/data/error-codes.json, is what EcsService answers with: for each action,
each documented code with its HTTP status and the service's message. Run it again when the
tables are updated:

    scripts/extract-error-codes.py ../shared/ecs-api/ERROR-CODES.md \
        > emulator/service/data/error-codes.json
"""
import json
import re
import sys

ROW = re.compile(r"^\s+(\d{3}) (\S+) \| (.*)$")


def main(path):
    actions = {}
    current = None
    with open(path, encoding="utf-8") as source:
        for line in source:
            if line.startswith("== "):
                name = line[3:].strip()
                # Only per-action sections: one word, an ECS action name.
                current = name if re.fullmatch(r"[A-Z][A-Za-z]+", name) else None
                continue
            match = ROW.match(line)
            if current and match:
                status, code, message = match.groups()
                actions.setdefault(current, []).append(
                    {"status": int(status), "code": code, "message": message.strip()})
    json.dump({"source": "ERROR-CODES.md (Alibaba Cloud API metadata, ECS 2014-05-26)",
               "actions": actions}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
