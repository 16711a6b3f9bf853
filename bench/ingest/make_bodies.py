"""Writes signed Facebook feed batches, one 'sha256=<hex>\t<body>' line each (bench/ingest)."""
import hashlib
import hmac
import json
import sys
import uuid

secret, page, changes, count, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
with open(out, "w", encoding="utf-8") as f:
    for n in range(count):
        run = uuid.uuid4().hex[:12]
        items = [{"field": "feed", "value": {
            "item": "comment", "verb": "add", "comment_id": f"{run}_{i}", "post_id": f"{page}_{run}",
            "parent_id": f"{page}_{run}", "from": {"id": f"u{i}", "name": "Bänk Testare"},
            "message": "Hej! När plogas Storgatan? Det är halt vid skolan.", "created_time": 1764400000 + i}}
            for i in range(changes)]
        # ensure_ascii: Meta signs the escaped-unicode form, so the bench does too.
        body = json.dumps({"object": "page", "entry": [{"id": page, "time": 1764400000, "changes": items}]},
                          ensure_ascii=True, separators=(",", ":"))
        sig = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()
        f.write(f"sha256={sig}\t{body}\n")
