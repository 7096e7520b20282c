"""Outside sources are checksummed snapshots with their licence; every kind of damage is an error naming the file."""
import hashlib

import pytest
import yaml

from cnai import paths, snapshots
from cnai.errors import CorpusError


@pytest.fixture
def external(snapshot_copy):
    return snapshot_copy


def test_every_snapshot_matches_its_record_and_has_a_known_licence():
    names = snapshots.names()
    # the nine sources of shared/external/README.md (arena and Epoch hardware split by origin repository)
    assert names == ["arena_history", "arena_leaderboard", "awesome_llms_in_china", "awesome_robots", "cac_miit_tc260",
                     "epoch_clusters", "epoch_hardware", "epoch_models", "models_dev"]
    licences = {name: snapshots.snapshot(name).licence for name in names}
    assert licences["epoch_models"] == "CC-BY-4.0" and licences["awesome_llms_in_china"] == "Apache-2.0"


def test_the_record_holds_the_checksum_of_the_received_bytes():
    record = snapshots.snapshot("epoch_hardware")
    # sha256sum data/raw/external/epoch_hardware/ml_hardware.csv
    digest = hashlib.sha256((paths.EXTERNAL / "epoch_hardware" / "ml_hardware.csv").read_bytes()).hexdigest()
    assert [(f.path, f.sha256) for f in record.files] == [("ml_hardware.csv", digest)]
    assert record.origin.commit == "cf2a707eda0708b61567f5b00490ffe666684b94"


def test_a_changed_byte_is_an_error_naming_the_file(external):
    path = external / "epoch_hardware" / "ml_hardware.csv"
    data = bytearray(path.read_bytes())
    data[100] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(CorpusError, match=r"epoch_hardware/ml_hardware.csv: sha256 [0-9a-f]{64} differs"):
        snapshots.snapshot("epoch_hardware", external)


def test_a_missing_or_an_unlisted_file_is_an_error(external):
    (external / "epoch_hardware" / "extra.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"epoch_hardware/extra.csv: not listed in .*epoch_hardware.meta.yml"):
        snapshots.snapshot("epoch_hardware", external)
    (external / "epoch_hardware" / "extra.csv").unlink()
    (external / "epoch_hardware" / "ml_hardware.csv").unlink()
    with pytest.raises(CorpusError, match=r"lists 'ml_hardware.csv', which is missing"):
        snapshots.snapshot("epoch_hardware", external)


def test_an_unknown_licence_is_an_error_naming_file_and_line(external):
    path = external / "epoch_hardware.meta.yml"
    text = path.read_text(encoding="utf-8").replace("licence: CC-BY-4.0", "licence: CC-BY-NC-4.0")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("licence:"))
    with pytest.raises(CorpusError, match=rf"epoch_hardware.meta.yml:{line}: field licence: 'CC-BY-NC-4.0' is not"):
        snapshots.snapshot("epoch_hardware", external)


def test_a_malformed_record_is_an_error_naming_line_and_field(external):
    path = external / "epoch_hardware.meta.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["origin"]["commit"] = "cf2a707"
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"epoch_hardware.meta.yml:\d+: field origin.commit: String should match"):
        snapshots.snapshot("epoch_hardware", external)
