"""The front page's small charts, one per headline finding, each drawn from cnai.views.front and shown like any
chart of the book (source note with licences, CSV, image). Sized for a phone's column."""
from __future__ import annotations

import altair as alt

from ..views import front
from . import charts

WIDTH = 300


def filings_chart() -> charts.Figure:
    data = front.filed_services()
    n = front.numbers()
    title = f"备案的生成式人工智能服务一年增至 {n['filed_ratio']} 倍"
    base = alt.Chart(data, title=title, width=WIDTH, height=160)
    chart = base.mark_line(point=True).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y-%m", tickCount=4)),
        y=alt.Y("count:Q", title="累计备案服务（款）", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=["as_of_date", "count", "quote"],
    ) + base.mark_text(dy=-10, fontSize=11).encode(x="date:T", y="count:Q", text="count:Q")
    return charts.show(chart, name="front-filings", source="国家网信办备案公告（本书整理，原文引语见第一章）",
                       description="国家网信办公告的累计备案生成式人工智能服务数，按截至日期")


def gap_chart() -> charts.Figure:
    data = front.frontier_gaps()
    n = front.numbers()
    title = f"最新一期中国模型落后最强模型 {n['gap_full_last']} 分（中文提示 {n['gap_chinese_last']} 分）"
    base = alt.Chart(data, title=title, width=WIDTH, height=160)
    chart = base.mark_line(point=True).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y-%m", tickCount=4)),
        y=alt.Y("gap:Q", title="评分差（分）"),
        color=alt.Color("category_name:N", title=None, legend=alt.Legend(orient="top")),
        tooltip=["snapshot_date", "category_name", "best_model", "china_model", "gap", "intervals_overlap"],
    )
    return charts.show(chart, name="front-gap", source="本书据 LMArena 排行榜计算",
                       description="每次 LMArena 排行榜上最好模型与最好的中国模型的评分差，全部提示与中文提示两类",
                       outside=("frontier_gap",))


def chips_chart() -> charts.Figure:
    data = front.chip_shares()
    n = front.numbers()
    title = f"昇腾910C 的算力是 {n['ascend_910c_vs']} 的 {n['ascend_910c_pct']}%"
    chart = alt.Chart(data, title=title, width=WIDTH, height=140).mark_bar().encode(
        x=alt.X("share_pct:Q", title="为同期英伟达旗舰的 %（16 位算力）"),
        y=alt.Y("short_label:N", title=None, sort=None),
        tooltip=["short_label", "release_date", "tflops", "nvidia_best", "nvidia_best_tflops", "share_pct"],
    )
    labels = chart.mark_text(align="left", dx=3, fontSize=11).encode(text="share_pct:Q")
    return charts.show(chart + labels, name="front-chips", source="本书据 Epoch AI 硬件数据计算",
                       description="华为昇腾各代加速器的 16 位算力为发布时英伟达最强芯片的百分比",
                       outside=("accelerators",))


def humanoids_chart() -> charts.Figure:
    data = front.humanoid_countries()
    n = front.numbers()
    title = f"{n['humanoids_all']} 款人形机器人中 {n['humanoids_cn']} 款来自中国厂商"
    # narrower bars than the other charts: the axis label 其他国家和地区 takes the room
    chart = alt.Chart(data, title=title, width=WIDTH - 80, height=90).mark_bar().encode(
        x=alt.X("products:Q", title="产品数（款）", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("country_group:N", title=None, sort="-x"),
        color=charts.colour("country_group:N", "country", values=data["country_group"].unique(), legend=None),
        tooltip=["country_group", "products", "makers", "countries"],
    )
    labels = chart.mark_text(align="left", dx=3, fontSize=11, color="#333").encode(text="products:Q")
    return charts.show(chart + labels, name="front-humanoids", source="awesome-robots 产品库，按厂商国别（实体登记表）",
                       description="awesome-robots 列表中的人形机器人产品数，按厂商所在国家或地区",
                       outside=("humanoid_products",))
