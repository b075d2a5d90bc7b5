// The canvas cannot read CSS variables itself: resolve the map's colours from
// the stylesheet (VS Code's --vscode-* variables, or the standalone report's
// light/dark/forced-colours fallbacks) and resolve them again when the theme changes.

export interface Palette {
  foreground: string;
  muted: string;
  background: string;
  border: string;
  focus: string;
  band: string;
  ring: string;
  /** The canvas cannot read CSS variables: the resolved font family. */
  font: string;
  /** A mark's colour: leadership's involvement in it. */
  tone: Record<Tone, string>;
}

/** Leadership decided, was consulted or informed, was routed around; or the decision is not counted. */
export type Tone = 'decided' | 'middle' | 'around' | 'muted';

const TONE_VARIABLES: Record<Tone, string> = {
  decided: '--do-decided',
  middle: '--do-middle',
  around: '--do-around',
  muted: '--do-muted-level',
};

export function readPalette(root: HTMLElement): Palette {
  const probe = document.createElement('span');
  probe.hidden = true;
  // Forced colours would turn every probed colour into the text colour: read the
  // stylesheet's own (system) colours instead.
  probe.style.forcedColorAdjust = 'none';
  root.append(probe);
  const resolve = (variable: string): string => {
    probe.style.color = `var(${variable})`;
    return getComputedStyle(probe).color;
  };
  const tone = Object.fromEntries(Object.entries(TONE_VARIABLES).map(([key, variable]) => [key, resolve(variable)])) as Record<Tone, string>;
  const palette = {
    foreground: resolve('--fg'),
    muted: resolve('--muted'),
    background: resolve('--bg'),
    border: resolve('--border'),
    focus: resolve('--focus'),
    band: resolve('--do-band'),
    ring: resolve('--do-ring'),
    font: getComputedStyle(root).fontFamily || 'sans-serif',
    tone,
  };
  probe.remove();
  return palette;
}

/** Calls back when VS Code switches theme (body class) or the system switches light/dark or contrast. */
export function onThemeChange(callback: () => void): void {
  new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)']) {
    window.matchMedia(query).addEventListener('change', callback);
  }
}
