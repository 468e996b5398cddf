/* eslint-disable no-control-regex -- finding control characters is this file's job */
// OSC sequences (titles, hyperlinks) end with BEL or ESC \; CSI sequences are ESC [ params final.
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
// Every C0 control but tab, DEL, and the C1 controls.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f\x80-\x9f]/g;

/** Control characters as visible symbols (␀, ␛, …), so binary output shows as text and breaks nothing. */
export function showControls(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}

/**
 * What a terminal would leave on screen: a trailing CR (CRLF) dropped, and of a line redrawn with CRs
 * (progress bars) only its last drawing. OSC sequences go; SGR and other CSI sequences stay.
 */
export function lastDrawing(text: string): string {
  const line = text.replace(OSC, '').replace(/\r+$/, '');
  const cr = line.lastIndexOf('\r');
  return cr < 0 ? line : line.slice(cr + 1);
}

/** The line as plain text: no escape sequences, controls shown safely. */
export function plainLogText(text: string): string {
  return showControls(lastDrawing(text).replace(CSI, ''));
}

/** Whether the line shows `query`, ignoring case (escape codes are not part of what it shows). */
export function logLineMatches(text: string, query: string): boolean {
  return plainLogText(text).toLowerCase().includes(query.toLowerCase());
}
