import { formatNumber } from "../../../app/i18n";

export interface Bar {
  label: string;
  value: number | null;
  /** When given, a light bar of this length behind the value's (e.g. the units a directive reached, behind those that implemented it). */
  of?: number;
}

/**
 * A horizontal bar chart in plain SVG (no charting library): one bar per row, its value written beside it; a hidden
 * value (null) draws no bar and says so. The chart is decorative for screen readers (`aria-hidden`): the table the
 * caller puts under it carries the same figures.
 */
export function Bars({ bars, hiddenText }: { bars: Bar[]; hiddenText: string }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value ?? 0, b.of ?? 0)));
  const row = 28;
  const length = (n: number) => Math.max(1, (n / max) * 150);
  return (
    <svg class="chart" viewBox={`0 0 360 ${bars.length * row}`} width="100%" aria-hidden="true" focusable="false">
      {bars.map((b, i) => {
        const width = b.value === null ? 0 : length(b.value);
        const behind = b.of === undefined ? width : length(b.of);
        const y = i * row;
        const text = b.value === null ? hiddenText : formatNumber(b.value) + (b.of === undefined ? "" : "/" + formatNumber(b.of));
        return (
          <g key={b.label}>
            <text x="0" y={y + 18} font-size="12" fill="currentColor">{b.label.length > 18 ? b.label.slice(0, 17) + "…" : b.label}</text>
            {b.of !== undefined && <rect x="125" y={y + 6} width={behind} height="16" fill="var(--brand)" opacity="0.25" />}
            <rect x="125" y={y + 6} width={width} height="16" fill="var(--brand)" />
            <text x={130 + behind} y={y + 18} font-size="12" fill="currentColor">{text}</text>
          </g>
        );
      })}
    </svg>
  );
}
