/**
 * Reading the protobuf wire format, with gogo-protobuf's errors (kube-apiserver returns its
 * generated Unmarshal errors as they are) and every length checked against the input before
 * anything is sliced.
 */
import { badRequest } from "../errors/status.js";

export interface ProtobufField {
  number: number;
  wireType: number;
  /** A varint, or the bytes of a length-delimited or fixed-width value. */
  value: bigint | Buffer;
}

class Reader {
  #offset = 0;
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  done(): boolean {
    return this.#offset >= this.#bytes.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (shift >= 64n) throw badRequest("proto: integer overflow");
      const byte = this.#bytes[this.#offset++];
      if (byte === undefined) throw badRequest("unexpected EOF");
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return BigInt.asUintN(64, result);
      shift += 7n;
    }
  }
  length(): number {
    const length = BigInt.asIntN(64, this.varint());
    if (length < 0n) throw badRequest("proto: negative length found during unmarshaling");
    return length > BigInt(this.#bytes.length) ? this.#bytes.length + 1 : Number(length);
  }
  take(length: number): Buffer {
    if (this.#offset + length > this.#bytes.length) throw badRequest("unexpected EOF");
    const slice = this.#bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return slice;
  }
}

/** The fields of one message in wire order; groups (wire types 3 and 4) and others are refused. */
export function protobufFields(bytes: Buffer, options: { packedVarints?: boolean } = {}): ProtobufField[] {
  const reader = new Reader(bytes);
  const result: ProtobufField[] = [];
  while (!reader.done()) {
    if (options.packedVarints) {
      result.push({ number: 0, wireType: 0, value: reader.varint() });
      continue;
    }
    const tag = Number(BigInt.asUintN(32, reader.varint()));
    const wireType = tag & 7;
    const number = tag >>> 3;
    if (wireType === 0) result.push({ number, wireType, value: reader.varint() });
    else if (wireType === 1) result.push({ number, wireType, value: reader.take(8) });
    else if (wireType === 2) result.push({ number, wireType, value: reader.take(reader.length()) });
    else if (wireType === 5) result.push({ number, wireType, value: reader.take(4) });
    else throw badRequest(`proto: illegal wireType ${wireType}`);
  }
  return result;
}
