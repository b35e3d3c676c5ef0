/**
 * The codec of a wrapped answer, shared by the wrapping builders and the
 * `wrapped` combinator (`lib/transport/wrapped.ts`). Internal: not
 * re-exported by `mod.ts`.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, SecretString } from "../codecs.ts";
import type { WrapInfo, WrappedResponse } from "./wrapping.ts";

/** Codec for {@linkcode WrapInfo}. */
const WrapInfoCodec: Codec<WrapInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    token: SecretString,
    ttl: t.number,
    creation_time: t.string,
    creation_path: t.string,
  }),
  /* @__PURE__ */ t.partial({ accessor: t.string, wrapped_accessor: t.string, format: t.string }),
]);

/** Codec for {@linkcode WrappedResponse}: `wrap_info` and nothing else needed. */
export const WrappedResponseCodec: Codec<WrappedResponse> = /* @__PURE__ */ t.type({
  wrap_info: WrapInfoCodec,
});
