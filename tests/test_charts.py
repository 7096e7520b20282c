"""The chart theme, offline figures with CSVs, and reproducible word clouds in a CJK font."""
import json
import re

import altair as alt
import pandas as pd
import pytest
from fontTools.ttLib import TTFont

from cnai.errors import MappingError
from cnai.site import charts
from cnai.views import corpus as summaries


def sample_chart():
    data = pd.DataFrame({"来源": ["甲", "乙"], "字数": [3, 5]})
    return charts.hbar(data, x="字数:Q", y="来源:N", x_title="字数", y_title=None, title="示例")


def test_show_writes_exactly_the_charted_data_and_a_source_note(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "SITE_DATA", tmp_path)
    figure = charts.show(sample_chart(), name="test-chart", source="测试来源", description="示例图")
    html = figure._repr_mimebundle_()["text/html"]
    assert "来源：测试来源" in html and 'aria-label="示例图"' in html
    assert 'data-rendered="static"' in html and '<g class="mark-rect role-mark' in html  # drawn, not a placeholder
    assert '<details class="cnai-data">' in html and "text-align: right" not in html
    assert "/_static/figures/test-chart.csv" in html
    written = pd.read_csv(tmp_path / "test-chart.csv")
    assert written.to_dict("records") == [{"来源": "甲", "字数": 3}, {"来源": "乙", "字数": 5}]
    spec = json.loads(figure.spec_json())
    assert spec["config"]["range"]["category"] == charts.PALETTE
    assert "cdn" not in html.lower() and "<script src" not in html


def test_bare_altair_chart_cannot_reach_a_page():
    with pytest.raises(RuntimeError, match="cnai.site.charts.show"):
        sample_chart()._repr_mimebundle_()


def test_chart_names_must_be_file_safe():
    with pytest.raises(ValueError, match="must be letters"):
        charts.show(sample_chart(), name="../etc", source="x", description="x")


def test_spec_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "SITE_DATA", tmp_path)
    one = charts.show(sample_chart(), name="a", source="s", description="d").spec_json()
    two = charts.show(sample_chart(), name="a", source="s", description="d").spec_json()
    assert one == two


def test_static_chart_is_deterministic_and_draws_the_data():
    spec = sample_chart().to_dict()
    one, two = charts.static_svg(spec, "a"), charts.static_svg(spec, "a")
    assert one == two
    assert one.startswith("<svg") and one.count('<path aria-label="') >= 2  # one bar per row
    assert "甲" in one and "乙" in one and "Noto Sans SC" in one


def test_static_charts_get_ids_of_their_own():
    """Vega numbers clip paths from 1 in every chart; two charts on a page must not share them."""
    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    spec = alt.Chart(data).mark_line(clip=True).encode(x="x:Q", y=alt.Y("y:Q", scale=alt.Scale(domain=[0, 3]))).to_dict()
    first, second = charts.static_svg(spec, "one"), charts.static_svg(spec, "two")
    ids_first = re.findall(r'id="([^"]+)"', first)
    ids_second = re.findall(r'id="([^"]+)"', second)
    assert ids_first and all(i.startswith("one-") for i in ids_first)
    assert not set(ids_first) & set(ids_second)
    assert set(re.findall(r"url\(#([^)]+)\)", first)) <= set(ids_first)


def test_static_widgets_mirror_the_bound_parameters():
    keywords = pd.DataFrame({"source": ["甲", "甲", "乙"], "rank": [1, 2, 1], "word": ["模型", "芯片", "政策"],
                             "weight": [0.5, 0.4, 0.3]})
    spec = charts.keyword_bars(keywords, group="source", title="t").to_dict()
    form = charts.static_bindings(spec)
    assert form.startswith('<form class="vega-bindings">') and '<span class="vega-bind-name">来源：</span>' in form
    assert '<select name="group">' in form  # the parameter's name: vega-view names its select the same
    assert re.findall(r'<option value="([^"]+)"( selected)?>', form) == [("乙", " selected"), ("甲", "")]
    assert charts.static_bindings(sample_chart().to_dict()) == ""


def test_static_widgets_refuse_an_input_they_cannot_draw():
    spec = {"params": [{"name": "n", "value": 1, "bind": {"input": "range", "min": 0, "max": 2}}]}
    with pytest.raises(ValueError, match="no static form for a 'range' input"):
        charts.static_bindings(spec)


def test_font_is_open_licensed_and_covers_every_word_drawn():
    font = charts.font_path()
    assert font.exists()
    licence = (font.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence.upper()
    cmap = TTFont(font, lazy=True).getBestCmap()
    cloud = charts.make_wordcloud(summaries.corpus_frequencies(150))
    drawn = "".join(word for (word, _), *_ in cloud.layout_)
    assert len(cloud.layout_) > 50
    missing = {ch for ch in drawn if ord(ch) not in cmap}
    assert not missing


def test_wordcloud_is_byte_identical_across_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "SITE_DATA", tmp_path)
    freqs = summaries.corpus_frequencies(80)
    first = charts.wordcloud(freqs, name="wc1", caption="测试").image_path.read_bytes()
    second = charts.wordcloud(freqs, name="wc2", caption="测试").image_path.read_bytes()
    assert first == second
    figure = charts.wordcloud(freqs, name="wc3", caption="测试")
    most_frequent = next(iter(freqs))
    assert f'alt="词云：测试。最大的词依次是：{most_frequent}、' in figure._repr_html_()


def test_tooltips_get_chinese_titles_unless_they_have_their_own(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "SITE_DATA", tmp_path)
    data = pd.DataFrame({"label": ["甲"], "value": [3], "quote": ["原文"], "custom": ["x"]})
    chart = alt.Chart(data).mark_point().encode(
        x="value:Q", tooltip=["label", "value", alt.Tooltip("quote", title="引语"), "custom"])
    tips = charts.show(chart, name="tips", source="s", description="d").spec["encoding"]["tooltip"]
    assert [t.get("title") for t in tips] == ["来源", "数值", "引语", None]


def contrast_on_white(colour: str) -> float:
    """WCAG 2 contrast ratio of a #rrggbb colour against white."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_category_colours_stand_out_from_a_white_page():
    low = {c: round(contrast_on_white(c), 2) for c in charts.PALETTE if contrast_on_white(c) < 3}
    assert low == {}, f"graphical objects need 3:1 against the background (WCAG 1.4.11): {low}"


def test_word_cloud_colours_pass_as_text():
    low = {c: round(contrast_on_white(c), 2) for c in charts.WORDCLOUD_COLOURS if contrast_on_white(c) < 4.5}
    assert low == {}, f"text needs 4.5:1 (WCAG 1.4.3): {low}"


@pytest.mark.parametrize("vision", [None, "protanomaly", "deuteranomaly", "tritanomaly"])
def test_category_colours_stay_apart_in_colour_blind_vision(vision):
    """Every pair of category colours differs by at least 10 units of CAM02-UCS lightness-and-colour distance,
    seen with typical colour vision and simulated (Machado et al. 2009, full severity) protan, deutan and tritan
    vision. Okabe-Ito's own eight colours reach 11.0 under tritan vision."""
    import itertools

    import numpy as np
    from colorspacious import cspace_convert

    rgb = np.array([[int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)] for c in charts.PALETTE])
    if vision:
        rgb = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}, "sRGB1"), 0, 1)
    ucs = cspace_convert(rgb, "sRGB1", "CAM02-UCS")
    distances = {(charts.PALETTE[i], charts.PALETTE[j]): float(np.linalg.norm(ucs[i] - ucs[j]))
                 for i, j in itertools.combinations(range(len(rgb)), 2)}
    close = {pair: round(d, 1) for pair, d in distances.items() if d < 10}
    assert close == {}, close


def test_plain_table_has_caption_chinese_headers_and_no_nan():
    from cnai.site import tables

    frame = pd.DataFrame({"company": ["甲", "乙"], "section": ["6.3", None], "share": [2.3, 1200.0]},
                         index=pd.Index(["a", "b"], name="文档"))
    html = tables.plain(frame, caption="示例表", columns={"section": "章节", "share": "比例"})._repr_html_()
    assert html.index("<caption>示例表</caption>") < html.index("<thead>")
    headers = re.findall(r'<th class="col_heading[^"]*" >([^<]*)</th>', html)
    assert headers == ["文档", "公司", "章节", "比例"]  # named index as a column; shared title for company; given titles
    assert "NaN" not in html and "None" not in html
    cells = re.findall(r'<td class="data[^"]*" >([^<]*)</td>', html)
    assert cells == ["a", "甲", "6.3", "2.3", "b", "乙", "", "1200"]  # 2.3, not 2.300000; blank, not NaN
    assert html == tables.plain(frame, caption="示例表", columns={"section": "章节", "share": "比例"})._repr_html_()


def test_outside_charts_credit_each_snapshot_with_its_licence():
    # frontier_gap derives from arena_ratings, read from the arena_leaderboard snapshot (licence unlicensed-cite,
    # data/raw/external/arena_leaderboard.meta.yml); api_prices adds models_dev (MIT)
    chart = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")
    figure = charts.show(chart, name="test-outside", source="本项目计算", description="d",
                         outside=("frontier_gap", "api_prices"))
    assert figure.source == ("本项目计算；LMArena 文本排行榜（无许可文件，注明出处引用）；"
                             "models.dev 模型卡（MIT 许可）")


def test_colour_is_fixed_per_concept_and_names_the_file_for_a_missing_value():
    encoding = charts.colour("origin:N", "country", values=["国外", "中国"]).to_dict()
    assert encoding["scale"] == {"domain": ["中国", "国外"], "range": ["#D55E00", "#0072B2"]}
    with pytest.raises(MappingError, match="colours.yml block 'country'"):
        charts.colour("origin:N", "country", values=["火星"])
