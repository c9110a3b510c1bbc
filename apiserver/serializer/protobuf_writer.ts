/**
 * Protocol buffers wire encoding, as Go's proto.Marshal writes it: fields in the order given,
 * varints, length-delimited bytes and little-endian doubles.
 */

const wireVarint = 0;
const wireFixed64 = 1;
const wireBytes = 2;

/** An append-only message: write fields, then take the bytes. */
export class ProtobufWriter {
  #buffer = Buffer.allocUnsafe(64);
  #length = 0;

  #reserve(size: number): void {
    if (this.#length + size <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + size));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }

  #varint(value: number | bigint): void {
    this.#reserve(10);
    if (typeof value === "number" && value >= 0 && value <= Number.MAX_SAFE_INTEGER) {
      let rest = value;
      while (rest >= 0x80) {
        this.#buffer[this.#length++] = (rest % 0x80) | 0x80;
        rest = Math.floor(rest / 0x80);
      }
      this.#buffer[this.#length++] = rest;
      return;
    }
    let rest = BigInt.asUintN(64, BigInt(value));
    while (rest >= 0x80n) {
      this.#buffer[this.#length++] = Number(rest & 0x7fn) | 0x80;
      rest >>= 7n;
    }
    this.#buffer[this.#length++] = Number(rest);
  }

  varint(field: number, value: bigint | number | boolean): this {
    this.#varint(field * 8 + wireVarint);
    this.#varint(typeof value === "boolean" ? Number(value) : value);
    return this;
  }

  double(field: number, value: number): this {
    this.#varint(field * 8 + wireFixed64);
    this.#reserve(8);
    this.#buffer.writeDoubleLE(value, this.#length);
    this.#length += 8;
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.#varint(field * 8 + wireBytes);
    this.#varint(value.length);
    this.#reserve(value.length);
    this.#buffer.set(value, this.#length);
    this.#length += value.length;
    return this;
  }

  string(field: number, value: string): this {
    this.#varint(field * 8 + wireBytes);
    const size = Buffer.byteLength(value, "utf8");
    this.#varint(size);
    this.#reserve(size);
    this.#length += this.#buffer.write(value, this.#length, "utf8");
    return this;
  }

  finish(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }
}
