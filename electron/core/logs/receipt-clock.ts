/** The time as RFC 3339, made once a millisecond however many lines arrive in it. */
export class ReceiptClock {
  private ms = 0;
  private iso = '';

  now(): string {
    const ms = Date.now();
    if (ms !== this.ms) {
      this.ms = ms;
      this.iso = new Date(ms).toISOString();
    }
    return this.iso;
  }
}
