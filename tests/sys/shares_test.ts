/**
 * Key shares, OTPs and encoded tokens stay out of a description that its
 * builder rejected: nothing is sent, and nothing printable holds the secret.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  decodeToken,
  generateRoot,
  rekey,
  rekeyVerify,
  startRootTokenGeneration,
  submitUnsealKey,
} from "../../mod.ts";
import type { Description } from "../../mod.ts";

const SECRET = "s3cr3t-share-0f3c9a";

const rejected: [string, () => Description<unknown>][] = [
  ["rekey with an empty nonce", () => rekey({ key: SECRET, nonce: "" })],
  [
    "rekeyVerify with an unknown param",
    () => rekeyVerify({ key: SECRET, nonce: "n1", nonse: "x" } as never),
  ],
  ["generateRoot with an empty nonce", () => generateRoot({ key: SECRET, nonce: "" })],
  ["decodeToken with an empty OTP", () => decodeToken({ encoded_token: SECRET, otp: "" })],
  [
    "startRootTokenGeneration with otp and pgp_key",
    () => startRootTokenGeneration({ otp: SECRET, pgp_key: "mQENB" }),
  ],
  [
    "submitUnsealKey with an unknown param",
    () => submitUnsealKey({ key: SECRET, migrat: true } as never),
  ],
];

describe("rejected descriptions keep secrets out", () => {
  for (const [what, build] of rejected) {
    it(`${what}: invalid, and neither JSON nor String shows the secret`, () => {
      const d = build();
      assert.equal(d.invalid?._tag, "InvalidInputError");
      assert.equal(JSON.stringify(d).includes(SECRET), false);
      assert.equal(String(d.body).includes(SECRET), false);
      assert.equal(JSON.stringify(d.invalid).includes(SECRET), false);
    });
  }
});
