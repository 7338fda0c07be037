import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A CSV file written as a stream: lines are gathered in a buffer and handed to the file
 * stream in large pieces; when the stream's own buffer is full the generator waits for it
 * to drain (backpressure), so memory stays flat however large the country.
 */
const STUK = 1 << 20;

export class Bestandsschrijver {
  private readonly stroom: WriteStream;
  private buffer = '';
  rijen = 0;

  constructor(readonly pad: string, kop: readonly string[]) {
    this.stroom = createWriteStream(pad, { encoding: 'utf8', highWaterMark: 4 * STUK });
    this.buffer = `${kop.join(',')}\n`;
  }

  /** Adds one line (with its newline). */
  schrijf(regel: string): void {
    this.buffer += regel;
    this.rijen += 1;
  }

  get vol(): boolean {
    return this.buffer.length >= STUK;
  }

  /** Hands the buffer to the stream; waits when the stream asks for it. */
  async leeg(): Promise<void> {
    if (this.buffer.length === 0) return;
    const stuk = this.buffer;
    this.buffer = '';
    if (!this.stroom.write(stuk)) await once(this.stroom, 'drain');
  }

  async sluit(): Promise<void> {
    await this.leeg();
    this.stroom.end();
    await once(this.stroom, 'finish');
  }
}
