"""`offcloud doctor`: how Offcloud's real answers compare with the spec the SDK is built on.

The doctor asks Offcloud only what changes nothing (`probes`), holds each raw answer against
the JSON Schema the spec (`openapi/offcloud.yaml`, shipped in the wheel) gives for that
operation and status (`spec`, `checks`), and says per operation whether it matches, drifted,
was refused or was skipped, and what is new: fields, status words and status codes the spec
does not name (`report`). `masking` takes the personal data out of the answers before
`fixtures` saves them in the format of `tests/fixtures/`.

It needs `jsonschema` and `PyYAML` (the `cli` extra); the public entry is `offcloud_sdk.doctor`.
"""
