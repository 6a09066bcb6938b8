import { formatNumber } from "../../../app/i18n";

export interface Bar {
  label: string;
  value: number | null;
}

/**
 * A horizontal bar chart in plain SVG (no charting library): one bar per row, its value written beside it; a hidden
 * value (null) draws no bar and says so. The chart is decorative for screen readers (`aria-hidden`): the table the
 * caller puts under it carries the same figures.
 */
export function Bars({ bars, hiddenText }: { bars: Bar[]; hiddenText: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const row = 28;
  return (
    <svg class="chart" viewBox={`0 0 320 ${bars.length * row}`} width="100%" aria-hidden="true" focusable="false">
      {bars.map((b, i) => {
        const width = b.value === null ? 0 : Math.max(1, (b.value / max) * 150);
        const y = i * row;
        return (
          <g key={b.label}>
            <text x="0" y={y + 18} font-size="12" fill="currentColor">{b.label.length > 18 ? b.label.slice(0, 17) + "…" : b.label}</text>
            <rect x="125" y={y + 6} width={width} height="16" fill="var(--brand)" />
            <text x={130 + width} y={y + 18} font-size="12" fill="currentColor">{b.value === null ? hiddenText : formatNumber(b.value)}</text>
          </g>
        );
      })}
    </svg>
  );
}
