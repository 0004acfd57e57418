namespace OrgSim.Experiments.Report;

/// <summary>The report's style sheet and script, inlined so the file opens offline.</summary>
internal static class ReportAssets
{
    /// <summary>Large type and wide figures for a projector; controls hidden and figures kept whole in print. Local fonts only.</summary>
    public const string Css = """
        :root { color-scheme: light; }
        body { font: 20px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #ffffff; max-width: 1800px; margin: 0 auto; padding: 24px 48px 64px; }
        h1 { font-size: 2.2em; margin: 0.3em 0 0.2em; }
        h2 { font-size: 1.6em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 3px solid #d8d8d8; }
        h3 { font-size: 1.25em; margin: 1.2em 0 0.4em; }
        p, li { max-width: 75em; }
        .lead { font-size: 1.2em; color: #333333; }
        .note { color: #4a4a4a; font-style: italic; }
        ul.findings li { margin: 0.5em 0; }
        .key-message { border-left: 10px solid #0072B2; background: #eef5fb; padding: 0.4em 1.2em 0.8em; margin: 1.5em 0; }
        .key-message h2 { border: none; margin: 0.4em 0 0.2em; font-size: 1.3em; color: #0b4f7c; }
        .key-message p { font-size: 1.35em; line-height: 1.4; margin: 0.2em 0; }
        details.fine-print { margin: 1.2em 0; color: #333333; }
        details.fine-print summary { cursor: pointer; font-weight: bold; }
        code { font-size: 0.95em; }
        figure { margin: 1.5em 0; break-inside: avoid; page-break-inside: avoid; }
        svg { display: block; max-width: 100%; height: auto; }
        #charts svg, #spread-chart svg { width: 100%; max-height: 88vh; }
        #charts svg:has(.heatmap-panel) { max-height: none; }
        .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.8em 1.2em; margin: 1em 0; }
        .controls select, .controls button { font: inherit; padding: 0.3em 0.9em; }
        .controls button { min-width: 6em; }
        .controls input[type=range] { flex: 1 1 24em; min-width: 12em; height: 1.6em; }
        #week-label { min-width: 6em; font-variant-numeric: tabular-nums; font-weight: bold; }
        .snapshots { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 1em 2em; }
        .snapshots figure { margin: 0.5em 0; }
        .point-charts[hidden] { display: none; }
        footer { margin-top: 3em; color: #4a4a4a; font-size: 0.85em; }
        @media print {
          body { font-size: 12pt; max-width: none; padding: 0; }
          .controls { display: none; }
          .point-charts[hidden] { display: none; }
          #charts svg, #spread-chart svg { max-height: none; }
          .snapshots { grid-template-columns: 1fr; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
        }

        """;

    /// <summary>
    /// The animation: recolours the rectangles (and their labels) of the groups with <c>data-cell</c> from the JSON block
    /// <c>spread-data</c> when the arm or week changes, and advances a week every 150 ms while
    /// playing, stopping at the horizon. Text goes in through <c>textContent</c> only.
    /// </summary>
    public const string Script = """
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('spread-data').textContent);
          var arm = document.getElementById('arm');
          var week = document.getElementById('week');
          var label = document.getElementById('week-label');
          var play = document.getElementById('play');
          var title = document.getElementById('spread-title');
          var cells = document.querySelectorAll('#spread-chart [data-cell]');
          var timer = null;

          function tooltip(cell, percent) {
            var size = data.sizes[cell];
            return data.labels[cell] + ' \u2014 ' + size + (size === 1 ? ' person, ' : ' people, ') + percent + '% competent';
          }

          function draw() {
            var a = Number(arm.value) || 0;
            var w = Number(week.value) || 0;
            var weeks = data.weeks[a] || [];
            var row = weeks.length > 0 ? weeks[Math.min(w, weeks.length - 1)] : [];
            for (var i = 0; i < cells.length; i++) {
              var cell = Number(cells[i].getAttribute('data-cell'));
              var percent = Math.min(100, row[cell] || 0);
              var shape = cells[i].querySelector('rect');
              if (shape) {
                shape.setAttribute('fill', data.colours[percent]);
              }
              var text = cells[i].querySelector('text');
              if (text) {
                text.setAttribute('fill', percent >= data.white_from ? '#ffffff' : '#1a1a1a');
              }
              var tip = cells[i].querySelector('title');
              if (tip) {
                tip.textContent = tooltip(cell, percent);
              }
            }
            label.textContent = 'week ' + w;
            if (title) {
              title.textContent = data.arms[a] + ' \u2014 week ' + w;
            }
          }

          function stop() {
            if (timer !== null) {
              clearInterval(timer);
              timer = null;
            }
            play.textContent = 'Play';
          }

          function step() {
            var next = Number(week.value) + 1;
            if (next > data.horizon) {
              stop();
              return;
            }
            week.value = String(next);
            draw();
            if (next >= data.horizon) {
              stop();
            }
          }

          play.addEventListener('click', function () {
            if (timer !== null) {
              stop();
              return;
            }
            if (Number(week.value) >= data.horizon) {
              week.value = '0';
              draw();
            }
            play.textContent = 'Pause';
            timer = setInterval(step, 150);
          });
          week.addEventListener('input', draw);
          week.addEventListener('change', draw);
          arm.addEventListener('change', draw);
          draw();
        }());

        """;

    /// <summary>The sweep-point selector: shows the block of charts of the chosen point and hides the others.</summary>
    public const string PointScript = """
        (function () {
          'use strict';
          var select = document.getElementById('point');
          var blocks = document.querySelectorAll('.point-charts[data-point]');
          function show() {
            for (var i = 0; i < blocks.length; i++) {
              blocks[i].hidden = blocks[i].getAttribute('data-point') !== select.value;
            }
          }
          select.addEventListener('change', show);
          show();
        }());

        """;
}
