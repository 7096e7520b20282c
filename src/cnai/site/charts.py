"""The one chart theme, and `show`: an Altair chart as an offline figure with its source note and CSV.

Each chart reaches the page already drawn: an SVG rendered at build time by vl-convert (the same Vega that runs in
the browser), with its input widgets as plain HTML. The page runs no chart code until a reader points at, touches
or focuses a chart; static/cnai-charts.js then loads `_static/vega-bundle.js` (written by cnai.site.sphinx_ext from
vl-convert-python; never a CDN) and swaps in the live chart, with tooltips and filters. Altair's own renderers
would load Vega from the network, so `show` is the only way a chart reaches a page: displaying a bare chart raises
an error that says so.
"""
from __future__ import annotations

import html
import json
import math
import os
import re
from importlib.resources import files
from pathlib import Path

import altair as alt
import pandas as pd
from PIL import Image

from .. import paths
from ..external.tables import source_note
from ..facts.mappings import lookup, section
from ..views.columns import column_titles

# Category colours: the five Okabe-Ito colours with at least 3:1 contrast on white (WCAG 1.4.11), then three
# dark colours chosen to stay apart from them, and from each other, under protan, deutan and tritan colour
# vision (tests/test_charts.py measures both). Okabe-Ito's orange, sky blue and yellow fall below 3:1.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#444444", "#550066", "#883300"]
# Word clouds carry no meaning in their colours, so they use darker shades that pass 4.5:1 as text (WCAG 1.4.3).
WORDCLOUD_COLOURS = ["#0072B2", "#A84A00", "#00704F", "#8F3F72", "#333333"]
FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
SITE_DATA = paths.BUILD / ".site_static" / "figures"
VEGALITE_MIME = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.split('.')[0].lstrip('v')}+json"
TABLE_ROWS_INLINE = 40


@alt.theme.register("cnai", enable=True)
def theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            # 340 px fits a phone's column (360 px screen): a chart that sets no width, or follows its container
            # (drawn statically at this width, then at the column's once live), stays legible there
            "view": {"continuousWidth": 340, "continuousHeight": 260, "stroke": None},
            "range": {"category": PALETTE},
            "mark": {"color": PALETTE[0]},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal", "gridColor": "#e5e5e5"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
            "title": {"fontSize": 15, "anchor": "start", "fontWeight": "bold", "subtitleColor": "#444"},
        }
    }


def _refuse(spec: dict, **kwargs) -> dict:
    raise RuntimeError(
        "A bare Altair chart would load Vega from a CDN. Display it with cnai.site.charts.show(chart, name=..., "
        "source=..., description=...), which also writes its CSV and source note."
    )


alt.renderers.register("cnai", _refuse)
alt.renderers.enable("cnai")


def site_prefix(cwd: Path | None = None) -> str:
    """Relative path from the page being built (the notebook's folder) to the site root."""
    rel = os.path.relpath(paths.ROOT, cwd or Path.cwd())
    return "." if rel == "." else rel.replace(os.sep, "/")


def chart_data(spec: dict) -> pd.DataFrame:
    """The rows the chart actually embeds (Altair gathers inline data into `datasets`)."""
    datasets = spec.get("datasets", {})
    if len(datasets) != 1:
        raise ValueError(f"a chart for show() must embed exactly one dataset, this one has {len(datasets)}")
    return pd.DataFrame(next(iter(datasets.values())))


def _table_html(frame: pd.DataFrame) -> str:
    if len(frame) > TABLE_ROWS_INLINE:
        return ""
    table = frame.to_html(index=False, border=0, justify="left")  # pandas right-aligns headers over left-aligned cells
    return f'<details class="cnai-data"><summary>数据表</summary>{table}</details>'


def _title_tooltips(node, titles: dict[str, str]):
    """Give tooltip fields their columns' Chinese titles from the schemas (in place), wherever the spec nests its
    encodings; a tooltip that sets its own title keeps it."""
    if isinstance(node, dict):
        tooltip = node.get("tooltip")
        entries = tooltip if isinstance(tooltip, list) else [tooltip] if isinstance(tooltip, dict) else []
        for entry in entries:
            if isinstance(entry, dict) and "field" in entry and "title" not in entry:
                title = titles.get(entry["field"])
                if title:
                    entry["title"] = title
        for value in node.values():
            _title_tooltips(value, titles)
    elif isinstance(node, list):
        for value in node:
            _title_tooltips(value, titles)


_fonts_registered = False


def static_png(svg: str) -> bytes:
    """The static chart as a PNG at twice its size, for readers who take the image away (resvg through
    vl-convert, with the fonts static_svg registered: the same bytes on every build)."""
    import vl_convert

    return vl_convert.svg_to_png(svg, scale=2)


def static_svg(spec: dict, name: str) -> str:
    """The chart drawn by vl-convert in the book's font (text is measured with Noto Sans SC; the browser draws it
    in the reader's CJK font). Vega numbers its clip paths and gradients from 1 in every chart, so ids get the
    chart's name: several charts share a page, and `url(#clip1)` would pick the first chart's clip path."""
    import vl_convert

    global _fonts_registered
    if not _fonts_registered:
        vl_convert.register_font_directory(str(font_path().parent))
        _fonts_registered = True
    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{name}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
    return svg


def _bound_params(node) -> list[dict]:
    """Every parameter bound to an input widget, wherever the spec declares it."""
    found = []
    if isinstance(node, dict):
        found += [p for p in node.get("params", []) if isinstance(p.get("bind"), dict)]
        for key, value in node.items():
            if key != "params":
                found += _bound_params(value)
    elif isinstance(node, list):
        for value in node:
            found += _bound_params(value)
    return found


def static_bindings(spec: dict) -> str:
    """The chart's input widgets as the HTML vega-view writes for them (a `select` per bound parameter), so that a
    reader sees and can use them before the live chart replaces the static one; the live chart takes over the
    values chosen. Empty when the chart has no widgets."""
    rows = []
    for param in _bound_params(spec):
        bind = param["bind"]
        if bind.get("input") != "select":
            raise ValueError(f"no static form for a {bind.get('input')!r} input (parameter {param['name']})")
        options = "".join(
            f'<option value="{html.escape(str(o))}"{" selected" if o == param.get("value") else ""}>'
            f"{html.escape(str(label))}</option>"
            for o, label in zip(bind["options"], bind.get("labels", bind["options"]))
        )
        rows.append(f'<div class="vega-bind"><label><span class="vega-bind-name">'
                    f'{html.escape(bind.get("name", param["name"]))}</span>'
                    f'<select name="{html.escape(param["name"])}">{options}</select></label></div>')
    return f'<form class="vega-bindings">{"".join(rows)}</form>' if rows else ""


class Figure:
    """Notebook output of one chart: HTML for the book, the Vega-Lite mimetype for JupyterLab."""

    def __init__(self, chart: alt.TopLevelMixin, name: str, source: str, description: str):
        self.name = name
        self.spec = chart.to_dict()
        _title_tooltips(self.spec, column_titles())
        self.data = chart_data(self.spec)
        self.source = source
        self.description = description
        self.svg = static_svg(self.spec, name)
        size = re.match(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', self.svg)
        self.width, self.height = (math.ceil(float(v)) for v in size.groups())
        SITE_DATA.mkdir(parents=True, exist_ok=True)
        self.data.to_csv(SITE_DATA / f"{name}.csv", index=False, encoding="utf-8")
        (SITE_DATA / f"{name}.svg").write_text(self.svg, encoding="utf-8")
        (SITE_DATA / f"{name}.png").write_bytes(static_png(self.svg))

    def spec_json(self) -> str:
        return json.dumps(self.spec, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")

    def html(self) -> str:
        prefix = site_prefix()
        label = html.escape(self.description)
        return (
            f'<figure class="cnai-chart" id="fig-{self.name}">'
            f'<div class="cnai-vega" data-spec="spec-{self.name}" data-rendered="static">'
            f'<div class="cnai-vega-chart" role="img" aria-label="{label}" tabindex="0" '
            f'style="contain-intrinsic-size: auto {self.width}px auto {self.height}px">{self.svg}</div>'
            f"{static_bindings(self.spec)}</div>"
            f'<script type="application/json" id="spec-{self.name}">{self.spec_json()}</script>'
            f'<figcaption><span class="cnai-desc">{label}</span> '
            f'<span class="cnai-source">来源：{html.escape(self.source)}</span> · '
            f'<span class="cnai-downloads"><a class="cnai-csv" href="{prefix}/_static/figures/{self.name}.csv" download>'
            f'下载数据（CSV）</a> · 下载图片（<a class="cnai-svg" href="{prefix}/_static/figures/{self.name}.svg" download>'
            f'SVG</a>、<a class="cnai-png" href="{prefix}/_static/figures/{self.name}.png" download>PNG</a>） · '
            f'<a class="cnai-permalink" href="#fig-{self.name}">本图链接</a></span>'
            f"</figcaption>{_table_html(self.data)}</figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html(), VEGALITE_MIME: self.spec, "text/plain": f"<chart {self.name}>"}


def show(chart: alt.TopLevelMixin, *, name: str, source: str, description: str,
         outside: tuple[str, ...] = ()) -> Figure:
    """Render `chart` offline with a source note, a text description and a CSV of exactly its data. `outside`
    names the outside tables the chart draws on (cnai.load names): the note then credits each of their
    snapshots with its licence, as the licences ask."""
    if not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"chart name {name!r} must be letters, digits, - and _ (it names the CSV file)")
    if outside:
        source = f"{source}；{source_note(*outside)}"
    return Figure(chart, name, source, description)


def colour(field: str, concept: str, *, title: str | None = None, values=None, **kwargs) -> alt.Color:
    """A colour encoding with the book's fixed colours for `concept` (data/mappings/colours.yml): 中国 is the
    same colour in every chart. `values` (the values the chart shows) limits the legend to them, in the file's
    order; each must be in the file."""
    block = section("colours", concept)
    shown = list(block) if values is None else [v for v in block if v in set(values)]
    for value in [] if values is None else values:
        lookup(block, value, f"data/mappings/colours.yml block {concept!r}")
    scale = alt.Scale(domain=shown, range=[block[v] for v in shown])
    return alt.Color(field, title=title, scale=scale, **kwargs)


def font_path() -> Path:
    """Noto Sans SC (SIL Open Font Licence 1.1), shipped by the justmytype-intl-cjk wheel."""
    return Path(str(files("justmytype_intl_cjk") / "fonts" / "ofl" / "notosanssc" / "NotoSansSC[wght].ttf"))


class WordCloudFigure:
    def __init__(self, name: str, image_path: Path, alt_text: str, caption: str, width: int = 800, height: int = 400):
        self.name, self.image_path, self.alt_text, self.caption = name, image_path, alt_text, caption
        self.width, self.height = width, height

    def _repr_html_(self) -> str:
        prefix = site_prefix()
        return (
            f'<figure class="cnai-wordcloud" id="fig-{self.name}">'
            f'<img src="{prefix}/_static/figures/{self.image_path.name}" alt="{html.escape(self.alt_text)}" '
            f'width="{self.width}" height="{self.height}" loading="lazy">'
            f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
        )


def _wordcloud_colour(*args, random_state, **kwargs) -> str:
    return WORDCLOUD_COLOURS[random_state.randint(0, len(WORDCLOUD_COLOURS) - 1)]


def make_wordcloud(frequencies: dict[str, float], seed: int = 42, width: int = 800, height: int = 400):
    """A WordCloud laid out from word frequencies (from the text pipeline) in the CJK font, reproducibly."""
    from wordcloud import WordCloud

    cloud = WordCloud(
        font_path=str(font_path()), width=width, height=height, background_color="white",
        random_state=seed, max_words=len(frequencies), collocations=False, prefer_horizontal=0.95,
        colormap=None, color_func=_wordcloud_colour,
    )
    return cloud.generate_from_frequencies(dict(frequencies))


def wordcloud(frequencies: dict[str, float], *, name: str, caption: str, top: int = 12,
              width: int = 800, height: int = 400) -> WordCloudFigure:
    """Draw a word cloud to the site's data folder; its alt text lists the largest words."""
    cloud = make_wordcloud(frequencies, width=width, height=height)
    SITE_DATA.mkdir(parents=True, exist_ok=True)
    path = SITE_DATA / f"{name}.png"
    # Five colours on white, anti-aliased: a 64-colour palette looks the same at a third of the bytes.
    image = cloud.to_image().quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, format="PNG", optimize=True)
    largest = [word for (word, _), *_ in cloud.layout_[:top]]
    alt_text = f"词云：{caption}。最大的词依次是：" + "、".join(largest)
    return WordCloudFigure(name, path, alt_text, caption, width, height)


# --- recurring chart kinds ------------------------------------------------------------------------------------

def hbar(data: pd.DataFrame, *, x: str, y: str, x_title: str, y_title: str, title: str,
         color: str | None = None, tooltip: list[str] | None = None, sort: str = "-x") -> alt.Chart:
    """Horizontal bars, longest first: the default for comparing quantities across named things."""
    encoding = {
        "x": alt.X(x, title=x_title),
        "y": alt.Y(y, title=y_title, sort=sort),
        "tooltip": tooltip or [y, x],
    }
    if color:
        encoding["color"] = alt.Color(color, legend=alt.Legend(title=None))
    return alt.Chart(data, title=title).mark_bar().encode(**encoding)


def dot_timeline(data: pd.DataFrame, *, x: str, y: str, title: str, x_title: str, y_title: str,
                 tooltip: list[str], color: str | None = None) -> alt.Chart:
    """Events on a time axis, one row per series."""
    encoding = {"x": alt.X(x, title=x_title, axis=alt.Axis(format="%Y-%m")), "y": alt.Y(y, title=y_title),
                "tooltip": tooltip}
    if color:
        encoding["color"] = alt.Color(color, legend=alt.Legend(title=None))
    return alt.Chart(data, title=title).mark_point(size=120, filled=True).encode(**encoding)


def keyword_bars(keywords: pd.DataFrame, *, group: str, title: str, group_title: str = "来源：") -> alt.Chart:
    """Top keywords of one group at a time (a dropdown picks the group): compare sources or periods."""
    options = sorted(keywords[group].unique())
    pick = alt.param(name="group", value=options[0], bind=alt.binding_select(options=options, name=group_title))
    return (
        hbar(keywords, x="weight:Q", y="word:N", x_title="TF-IDF 权重", y_title=None, title=title,
             tooltip=[group, "rank", "word", "weight"])
        .add_params(pick)
        .transform_filter(alt.datum[group] == pick)
    )


def diverging_hbar(data: pd.DataFrame, *, x: str, y: str, group: str, concept: str, title: str, x_title: str,
                   tooltip: list[str], fmt: str = ".1f", pad: float = 1.5) -> alt.LayerChart:
    """Horizontal bars either side of zero, one colour per group (data/mappings/colours.yml block `concept`),
    sorted by value, each bar labelled with its value: what sets two groups apart (e.g. log-odds z-scores)."""
    order = list(data.sort_values(x, ascending=False)[y])
    domain = [min(0.0, data[x].min()) - pad, max(0.0, data[x].max()) + pad]
    base = alt.Chart(data, title=title).encode(
        y=alt.Y(f"{y}:N", title=None, sort=order),
        x=alt.X(f"{x}:Q", title=x_title, scale=alt.Scale(domain=domain, nice=False)),
        tooltip=tooltip)
    groups = list(dict.fromkeys(data[group]))
    bars = base.mark_bar().encode(color=colour(f"{group}:N", concept, values=groups, title=None,
                                               legend=alt.Legend(orient="top")))
    text = base.mark_text(fontSize=10, align=alt.expr(f"datum['{x}'] > 0 ? 'left' : 'right'"),
                          dx=alt.expr(f"datum['{x}'] > 0 ? 3 : -3")).encode(text=alt.Text(f"{x}:Q", format=fmt))
    return alt.layer(bars, text).properties(width="container")
