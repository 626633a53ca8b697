// The one place that registers ECharts parts: only what the charts use, so the bundle stays small.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, TooltipComponent, TransformComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, DatasetComponent, GridComponent, TooltipComponent, TransformComponent, CanvasRenderer]);

export { echarts };
