import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), and ECharts' decal patterns so colour is never the only cue. */
export const CHART_COLORS = ['#1d4f91', '#b3410e', '#2f7d32', '#6a3d9a', '#8a6d00', '#00707a'];

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * An ECharts figure (SVG) with a visible title and a text summary: the data table beside it is the
 * accessible equivalent (RGAA 1.8), and ECharts' aria module describes the series to screen readers.
 */
export function Chart({
  title,
  summary,
  points,
  option,
  height = 280,
}: {
  title: string;
  summary: string;
  /** Every value drawn, said in French for screen readers ("Moins de 60 % : 2 appareils"). */
  points: string[];
  option: EChartsCoreOption;
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  const description = `${title}. ${points.join(' ; ')}.`;
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      color: CHART_COLORS,
      animation: !reducedMotion(),
      aria: { enabled: true, decal: { show: true }, label: { description } },
      textStyle: { fontFamily: 'inherit', color: '#1a1a1a' },
      ...option,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, description]);
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>
        <span className="muted"> — {summary}</span>
      </figcaption>
      <div ref={element} className="chart-canvas" style={{ height }} data-testid="chart" />
    </figure>
  );
}
