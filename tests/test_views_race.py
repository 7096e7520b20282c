"""Chapter 1's tables recomputed from the curated rows they summarise."""
from cnai.data import load
from cnai.views import race


def test_every_count_claim_is_charted_once():
    assert len(race.count_claims()) == len(load("model_counts"))


def test_count_claims_name_their_geography_in_chinese():
    claims = race.count_claims()
    assert claims["geography_name"].notna().all()
    assert set(claims.loc[claims["geography"] == "CN-BJ", "geography_name"]) == {"北京"}


def test_releases_count_each_model_once_at_its_earliest_date():
    releases = race.releases_by_year()
    dated = load("models").dropna(subset=["release_date"])
    assert releases["models"].sum() == dated["model"].nunique()
    first_year = dated.sort_values("release_date").drop_duplicates("model").set_index("model")["release_date"].str[:4]
    assert int(first_year["文心一言"]) == 2023


def test_parameter_points_come_from_rows_with_date_and_size():
    params = race.parameters_over_time()
    models = load("models")
    assert (params["params_b"] > 0).all()
    assert set(params["model"]) <= set(models.dropna(subset=["release_date", "params_b"])["model"])


def test_developer_types_cover_only_chinese_models():
    types = race.developers_by_type()
    chinese = load("models").query("country == 'CN'").dropna(subset=["developer_type"])
    assert types["models"].sum() == chinese.groupby("developer_type")["model"].nunique().sum()
    assert "foreign" not in set(types["developer_type"])


def test_path_to_use_orders_release_before_filing():
    path = race.path_to_use()
    first = path.groupby("stage")["date"].min()
    assert first["1 发布：模型数量"] < first["2 备案：上线服务"]
    assert path["quote"].notna().all()


def test_headline_numbers_match_the_tables():
    numbers = race.headline_numbers()
    assert numbers["n_claims"] == str(len(load("model_counts")))
    assert numbers["top_type"] == "互联网平台"
