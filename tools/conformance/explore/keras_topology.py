"""Keras model topologies (model.to_json()) for @lrsched/explore's loadModelTopology tests.

Run: KERAS_BACKEND=numpy /work/pyenv/bin/python tools/conformance/explore/keras_topology.py
Writes packages/explore/test/fixtures/keras3-sequential.json (a Sequential MLP) and
keras3-unsupported.json (a model with a layer TensorFlow.js has no class for).
"""
import json
import pathlib

import keras

out = pathlib.Path(__file__).resolve().parents[3] / "packages" / "explore" / "test" / "fixtures"
out.mkdir(parents=True, exist_ok=True)

mlp = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ],
    name="blobs_mlp",
)
(out / "keras3-sequential.json").write_text(json.dumps({"keras": keras.__version__, "topology": json.loads(mlp.to_json())}, indent=1) + "\n")

odd = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.UnitNormalization(name="unit_norm"),
        keras.layers.Dense(3, activation="softmax"),
    ],
    name="unsupported",
)
(out / "keras3-unsupported.json").write_text(json.dumps({"keras": keras.__version__, "topology": json.loads(odd.to_json())}, indent=1) + "\n")
print("wrote", out)
