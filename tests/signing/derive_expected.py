#!/usr/bin/env python3
"""Independent derivation of the expected values hard-coded in tst_signing.cpp and
tst_signing_requests.cpp (the "derived" cases).

Written from REFERENCE.md §S1/§S2 with the Python standard library only (hashlib, hmac,
urllib.parse.quote), sharing no code with the C++ signer. Run it and paste its output into
the tests when a case changes: `python3 tests/signing/derive_expected.py`.
"""
import base64
import hashlib
import hmac
from urllib.parse import quote

TIMESTAMP = "2025-01-15T08:30:00Z"
NONCE = "0123456789abcdef0123456789abcdef"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def enc(text):
    # RFC 3986: only A-Z a-z 0-9 - _ . ~ stay; UTF-8 bytes; upper-case hex.
    return quote(text, safe="-_.~", encoding="utf-8")


def canonical_query(params):
    # Names sorted by UTF-16 code units (== byte order for the ASCII names used here).
    return "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted(params.items()))


def v1(method, params, secret):
    params = {k: v for k, v in params.items() if k != "Signature"}
    cqs = canonical_query(params)
    sts = f"{method}&{enc('/')}&{enc(cqs)}"
    sig = base64.b64encode(
        hmac.new((secret + "&").encode(), sts.encode(), hashlib.sha1).digest()
    ).decode()
    return cqs, sts, sig


def v3(method, query, headers, body, key_id, secret):
    names = sorted(headers)
    canonical_headers = "".join(f"{n}:{headers[n].strip()}\n" for n in names)
    signed = ";".join(names)
    request = "\n".join(
        [method, "/", canonical_query(query), canonical_headers, signed,
         hashlib.sha256(body).hexdigest()]
    )
    hashed = hashlib.sha256(request.encode()).hexdigest()
    sts = "ACS3-HMAC-SHA256\n" + hashed
    sig = hmac.new(secret.encode(), sts.encode(), hashlib.sha256).hexdigest()
    auth = f"ACS3-HMAC-SHA256 Credential={key_id},SignedHeaders={signed},Signature={sig}"
    return request, hashed, sig, auth


def show(name, **values):
    print(f"== {name}")
    for key, value in values.items():
        print(f"{key}: {value!r}")
    print()


# --- Primitive edge cases (tst_signing.cpp) -------------------------------------------

EDGE = {
    "Action": "DescribeInstances",
    "Empty": "",
    "InstanceIds": '["i-1","i-2"]',
    "Name": "web server *prod~ +a/b=c&d 中文 ü",
}
show("v1 edge POST", **dict(zip(("cqs", "sts", "sig"), v1("POST", EDGE, "edge/secret+="))))

LIST = {
    "Disk.1.DiskId": "d-1",
    "Disk.1.SnapshotId": "s-1",
    "Disk.10.DiskId": "d-10",
    "Disk.2.DiskId": "d-2",
    "RegionId": "cn-hangzhou",
}
show("v1 list GET", **dict(zip(("cqs", "sts", "sig"), v1("GET", LIST, "testsecret"))))

# A V3 request with a body, mixed-case and repeated headers, padded values and unsigned
# headers; the header dict below is what a correct canonicaliser reduces them to (lower-case
# names, trimmed values, repeated values sorted and joined with ',').
body = b"RegionId=cn-hangzhou"
headers = {
    "content-type": "application/x-www-form-urlencoded",
    "host": "ecs.example.com",
    "x-acs-action": "DescribeRegions",
    "x-acs-content-sha256": hashlib.sha256(body).hexdigest(),
    "x-acs-custom": "a,b",
    "x-acs-version": "2014-05-26",
}
request, hashed, sig, auth = v3("POST", {"Name": "a b"}, headers, body, "id", "edge-secret")
show("v3 primitives with body", body_sha=headers["x-acs-content-sha256"], canonical=request,
     hashed=hashed, sig=sig)

# --- signRequest cases (tst_signing_requests.cpp) ---------------------------------------

KEY_ID, SECRET = "LTAI5tTestKeyId0001", "TestSecret+/="
STS_KEY_ID, STS_SECRET = "STS.NTestTemporaryKey", "StsSecret/+="
TOKEN = "CAIS+token/with=chars&more"

RESET = {
    "DryRun": "true",
    "Disk.1.DiskId": "d-1",
    "Disk.1.SnapshotId": "s-1",
    "Disk.2.DiskId": "d-2",
    "Disk.2.SnapshotId": "s-2",
    "Disk.10.DiskId": "d-10",
    "RegionId": "cn-hangzhou",
}
common = {
    "Action": "ResetDisks", "Version": "2014-05-26", "Format": "JSON",
    "AccessKeyId": KEY_ID, "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0",
    "SignatureNonce": NONCE, "Timestamp": TIMESTAMP,
}
params = {**RESET, **common}
cqs, sts, sig = v1("POST", params, SECRET)
show("signRequest V1 POST", cqs=cqs, sts=sts, sig=sig,
     query=canonical_query({**params, "Signature": sig}))

DESCRIBE = {
    "RegionId": "cn-hangzhou",
    "InstanceIds": '["i-1","i-2"]',
    "InstanceName": "web server *prod~ +a/b=c&d 中文",
    "Tag.1.Key": "env",
    "Tag.1.Value": "",
}
common = {
    "Action": "DescribeInstances", "Version": "2014-05-26", "Format": "JSON",
    "AccessKeyId": STS_KEY_ID, "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0",
    "SignatureNonce": NONCE, "Timestamp": TIMESTAMP, "SecurityToken": TOKEN,
}
params = {**DESCRIBE, **common}
cqs, sts, sig = v1("GET", params, STS_SECRET)
show("signRequest V1 GET STS", cqs=cqs, sts=sts, sig=sig,
     query=canonical_query({**params, "Signature": sig}))

headers = {
    "host": "127.0.0.1:18080",
    "x-acs-action": "DescribeInstances",
    "x-acs-version": "2014-05-26",
    "x-acs-date": TIMESTAMP,
    "x-acs-signature-nonce": NONCE,
    "x-acs-content-sha256": EMPTY_SHA256,
    "x-acs-accesskey-id": STS_KEY_ID,
    "x-acs-security-token": TOKEN,
}
request, hashed, sig, auth = v3("POST", DESCRIBE, headers, b"", STS_KEY_ID, STS_SECRET)
show("signRequest V3 POST STS port", query=canonical_query(DESCRIBE), canonical=request,
     hashed=hashed, sig=sig, auth=auth)

headers = {
    "host": "ecs.cn-hangzhou.aliyuncs.com",
    "x-acs-action": "ResetDisks",
    "x-acs-version": "2014-05-26",
    "x-acs-date": TIMESTAMP,
    "x-acs-signature-nonce": NONCE,
    "x-acs-content-sha256": EMPTY_SHA256,
}
request, hashed, sig, auth = v3("GET", RESET, headers, b"", KEY_ID, SECRET)
show("signRequest V3 GET", query=canonical_query(RESET), canonical=request, hashed=hashed,
     sig=sig, auth=auth)

headers = {**headers, "x-acs-action": "DescribeRegions"}
request, hashed, sig, auth = v3("POST", {}, headers, b"", KEY_ID, SECRET)
show("signRequest V3 POST no parameters", canonical=request, sig=sig, auth=auth)
