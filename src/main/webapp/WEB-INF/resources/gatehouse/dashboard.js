/* Dashboard charts take their colours from the style sheet, so they follow the light or dark theme
   (and its contrast); series also differ by line style and point shape, set by the server. */
var GatehouseDashboard = {
    /* p:chart's extender: runs before the chart is drawn. */
    chart: function () {
        GatehouseDashboard.paint(this.cfg.config.data, this.cfg.config.options);
    },
    paint: function (data, options) {
        var style = getComputedStyle(document.documentElement);
        var read = function (name, fallback) {
            return style.getPropertyValue(name).trim() || fallback;
        };
        var text = read('--gh-text', '#1f2937');
        var muted = read('--gh-muted', '#4b5563');
        var grid = read('--gh-border', '#d1d5db');
        var palette = [read('--gh-chart-1', '#1565c0'), read('--gh-chart-2', '#c62828'), read('--gh-chart-3', '#8d4e00')];
        data.datasets.forEach(function (dataset, index) {
            var colour = palette[index % palette.length];
            dataset.borderColor = colour;
            dataset.backgroundColor = colour;
            dataset.pointBackgroundColor = colour;
        });
        options.color = text;
        ['x', 'y'].forEach(function (axis) {
            var scale = options.scales[axis];
            scale.ticks = scale.ticks || {};
            scale.ticks.color = muted;
            scale.grid = scale.grid || {};
            scale.grid.color = grid;
        });
    },
    /* The theme changed while the page is open (the system's preference or the switch): repaint. */
    repaint: function () {
        if (!window.PrimeFaces || !PrimeFaces.widget.Chart) {
            return;
        }
        Object.keys(PrimeFaces.widgets).forEach(function (name) {
            var widget = PrimeFaces.widgets[name];
            if (widget instanceof PrimeFaces.widget.Chart && widget.chart) {
                GatehouseDashboard.paint(widget.chart.data, widget.chart.options);
                widget.chart.update();
            }
        });
    }
};
if (window.matchMedia) {
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', GatehouseDashboard.repaint);
}
if (window.MutationObserver) {
    new MutationObserver(GatehouseDashboard.repaint).observe(document.documentElement,
        {attributes: true, attributeFilter: ['data-theme']});
}
