"""Script conversion by character: words kept, protected names kept, Taiwan terms only from the listed map."""
import textwrap

import pytest
import yaml

from cnai.corpus import script
from cnai.errors import CorpusError


# Expected values are the characters mapped one by one by hand (資→资, 來→来, 機→机, 騰→腾, 為→为, 導→导, 體→体).
@pytest.mark.parametrize("traditional, simplified", [
    ("人形機器人的核心零部件", "人形机器人的核心零部件"),   # tw2sp wrote 内核零部件
    ("資料來源：公司公告", "资料来源：公司公告"),          # tw2sp wrote 数据源
    ("智慧型手機", "智慧型手机"),                         # tw2sp wrote 智能型手机
    ("半導體", "半导体"),
])
def test_conversion_maps_characters_and_keeps_words(traditional, simplified):
    assert script.to_simplified(traditional) == simplified


def test_protected_names_survive_in_either_script():
    assert script.by_character("華為昇騰910B") == "华为升腾910B"  # the hazard the list exists for
    assert script.to_simplified("華為昇騰910B") == "华为昇腾910B"
    assert script.to_simplified("框架昇思MindSpore") == "框架昇思MindSpore"
    assert script.to_simplified("股價升騰") == "股价升腾"  # 升騰 (rising) is not the name and is not touched


def test_every_protected_name_in_the_data_file_needs_and_gets_protection():
    entries = yaml.safe_load(script.PROTECTED.read_text(encoding="utf-8"))
    assert "昇腾" in entries and "昇思" in entries
    for name, spellings in entries.items():
        assert script.by_character(name) != name  # else the entry would be useless (the loader also refuses it)
        for spelling in [name, *spellings]:
            assert script.to_simplified(f"基于{spelling}平台") == f"基于{name}平台"


def test_every_taiwan_term_in_the_data_file_is_applied():
    entries = yaml.safe_load(script.TERMS.read_text(encoding="utf-8")) or {}
    for term, mainland in entries.items():
        assert script.to_simplified(term) == mainland


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_taiwan_term_map_is_applied_on_top_of_t2s(tmp_path):
    protected = write(tmp_path, "p.yml", "昇腾: [昇騰]\n")
    terms = write(tmp_path, "t.yml", "人工智慧: 人工智能\n")
    rules = script.script_rules(protected, terms)
    assert script.to_simplified("人工智慧晶片與昇騰", rules) == "人工智能晶片与昇腾"  # 晶片 not listed: kept


def test_a_protected_name_t2s_leaves_alone_is_refused_with_file_line_and_column(tmp_path):
    protected = write(tmp_path, "p.yml", "昇腾: [昇騰]\n华为: [華為]\n")
    with pytest.raises(CorpusError, match=r"p\.yml:2:1: '华为' comes through t2s unchanged"):
        script.read_protected(protected)


def test_spellings_must_be_a_list(tmp_path):
    protected = write(tmp_path, "p.yml", "昇腾: 昇騰\n")
    with pytest.raises(CorpusError, match=r"p\.yml:1:5: the spellings of '昇腾' must be a list"):
        script.read_protected(protected)


def test_a_term_t2s_already_converts_is_refused(tmp_path):
    terms = write(tmp_path, "t.yml", "人工智慧: 人工智能\n資料: 资料\n")
    with pytest.raises(CorpusError, match=r"t\.yml:2:1: t2s already turns '資料' into '资料'"):
        script.read_terms(terms)


def test_malformed_list_is_an_error_naming_the_file(tmp_path):
    terms = write(tmp_path, "t.yml", "- 人工智慧\n")
    with pytest.raises(CorpusError, match=r"t\.yml:1:1: expected a mapping"):
        script.read_terms(terms)
    broken = write(tmp_path, "b.yml", "昇腾: [昇騰\n")
    with pytest.raises(CorpusError, match=r"b\.yml: not valid YAML"):
        script.read_protected(broken)
