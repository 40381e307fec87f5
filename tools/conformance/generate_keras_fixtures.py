#!/usr/bin/env python
"""Rates of real Keras schedules, for @lrsched/ts-api's fromKeras.

Run with the Python that has Keras 3 (numpy backend), giving the tf-keras source file (fetch
keras-team/tf-keras; tf-keras itself is not installed, and its source is not committed here)::

    KERAS_BACKEND=numpy /work/pyenv/bin/python tools/conformance/generate_keras_fixtures.py \\
        path/to/tf_keras/optimizers/schedules/learning_rate_schedule.py

Writes tools/conformance/fixtures/keras_schedules.json (deterministic)::

    {keras_version, tf_keras_source, cases: [{
        name, source: "keras" | "tf-keras",
        keras: {module?, class_name, config, registered_name?},   # serialize(schedule) / get_config()
        steps: [int, ...],
        float32: [rate, ...],          # the schedule called with each step, as Keras computes it
        float64: [rate, ...],          # the same code computing in float64 (see below)
        restart_steps?: [int, ...],    # CosineDecayRestarts: steps that start a period (exact arithmetic)
        nan_from?, nan_from64?: step,  # first step whose rate is NaN in float32 / float64 (t_mul < 1)
        noise?: {mean32, unit32, mean64, unit64}   # NoisyLinearCosineDecay, see below
    }]}

Keras 3 classes (ExponentialDecay ... CosineDecayRestarts) are built from keyword arguments, and
the fixture keeps the config their get_config() writes. float32 is Keras's own arithmetic: on the
numpy and jax backends Keras computes schedules in float32 only, since convert_to_tensor turns
64-bit floats into 32-bit ones. float64 runs the same Keras code with that promotion rule switched
off (keras.src.backend.common.dtypes.BIT64_TO_BIT32_DTYPE), which is what the TensorFlow backend
computes for float64 inputs.

tf-keras classes (LinearCosineDecay, NoisyLinearCosineDecay with its `seed`) come from tf-keras's
own source, executed here under a small numpy stand-in for the `tf` calls it makes (cast,
minimum, cos, pow, sqrt, ... in the dtype of the initial rate, float32 by default as in
TensorFlow). The noise cannot be reproduced (lrsched draws its own seeded samples), so for
NoisyLinearCosineDecay the stand-in's random_normal returns 0 for `mean` and exactly its stddev
for `unit`: the rate is mean + z * (unit - mean) for a standard normal sample z.
"""
import ast
import hashlib
import json
from fractions import Fraction
import math
import os
import sys

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "numpy")
import keras  # noqa: E402
from keras.src.backend.common import dtypes  # noqa: E402

S = keras.optimizers.schedules
HERE = os.path.dirname(os.path.abspath(__file__))


def dense(n):
    return list(range(n))


def spread(*ranges):
    out = set()
    for lo, hi, step in ranges:
        out.update(range(lo, hi, step))
    return sorted(out)


LONG = spread((0, 200, 1), (200, 5000, 37), (5000, 2_000_000, 99_991), (10**8, 2 * 10**9, 3 * 10**8))


# ------------------------------------------------------------------ Keras 3

def keras_cases():
    c = []

    def add(name, cls, kwargs, steps):
        c.append({"name": name, "cls": cls, "kwargs": kwargs, "steps": steps})

    add("ExponentialDecay smooth", "ExponentialDecay", dict(initial_learning_rate=0.1, decay_steps=100, decay_rate=0.96), LONG[:260])
    add("ExponentialDecay staircase", "ExponentialDecay",
        dict(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, staircase=True), dense(250))
    add("ExponentialDecay growth (decay_rate 1.5)", "ExponentialDecay",
        dict(initial_learning_rate=0.001, decay_steps=50, decay_rate=1.5), dense(400))
    add("ExponentialDecay growth staircase (decay_rate 2)", "ExponentialDecay",
        dict(initial_learning_rate=1e-4, decay_steps=7, decay_rate=2.0, staircase=True), dense(150))
    add("ExponentialDecay fractional decay_steps", "ExponentialDecay",
        dict(initial_learning_rate=0.1, decay_steps=0.5, decay_rate=0.99), dense(400))
    add("ExponentialDecay decay_rate 1", "ExponentialDecay",
        dict(initial_learning_rate=0.05, decay_steps=3, decay_rate=1.0), dense(20))
    add("InverseTimeDecay smooth", "InverseTimeDecay", dict(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5), LONG)
    add("InverseTimeDecay staircase", "InverseTimeDecay",
        dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5, staircase=True), dense(100))
    add("InverseTimeDecay decay_rate 3", "InverseTimeDecay",
        dict(initial_learning_rate=0.5, decay_steps=2.5, decay_rate=3.0), dense(300))
    add("PiecewiseConstantDecay", "PiecewiseConstantDecay", dict(boundaries=[100, 200], values=[1.0, 0.5, 0.1]), dense(300))
    add("PiecewiseConstantDecay Keras's test", "PiecewiseConstantDecay",
        dict(boundaries=[100, 110, 120], values=[1.0, 0.1, 0.01, 0.001]), dense(150))
    add("PiecewiseConstantDecay negative and fractional boundaries", "PiecewiseConstantDecay",
        dict(boundaries=[-3, 2.5, 7.5, 7.9], values=[0.9, 0.5, 0.2, 0.1, 0.05]), dense(20))
    add("PiecewiseConstantDecay boundaries that do not increase", "PiecewiseConstantDecay",
        dict(boundaries=[10, 5, 5, 20], values=[1.0, 0.5, 0.25, 0.125, 0.0625]), dense(30))
    add("PolynomialDecay", "PolynomialDecay", dict(initial_learning_rate=0.1, decay_steps=100), dense(150))
    add("PolynomialDecay power 0.5 cycle", "PolynomialDecay",
        dict(initial_learning_rate=0.1, decay_steps=10, end_learning_rate=0.001, power=0.5, cycle=True), dense(100))
    add("PolynomialDecay power 0", "PolynomialDecay",
        dict(initial_learning_rate=0.1, decay_steps=10, end_learning_rate=0.01, power=0.0), dense(40))
    add("PolynomialDecay power 0 cycle", "PolynomialDecay",
        dict(initial_learning_rate=0.1, decay_steps=10, end_learning_rate=0.01, power=0.0, cycle=True), dense(40))
    add("PolynomialDecay rising to end_learning_rate, power 2", "PolynomialDecay",
        dict(initial_learning_rate=0.001, decay_steps=50, end_learning_rate=0.1, power=2.0), dense(80))
    add("PolynomialDecay fractional decay_steps", "PolynomialDecay",
        dict(initial_learning_rate=0.1, decay_steps=12.5, end_learning_rate=0.0, power=1.5), dense(40))
    add("CosineDecay", "CosineDecay", dict(initial_learning_rate=1.0, decay_steps=1000), LONG[:230])
    add("CosineDecay alpha 0.1", "CosineDecay", dict(initial_learning_rate=0.1, decay_steps=100, alpha=0.1), dense(150))
    add("CosineDecay warm-up", "CosineDecay",
        dict(initial_learning_rate=0.0, decay_steps=1000, warmup_target=0.1, warmup_steps=200), spread((0, 1500, 7)))
    add("CosineDecayRestarts", "CosineDecayRestarts", dict(initial_learning_rate=1.0, first_decay_steps=20), dense(700))
    add("CosineDecayRestarts m_mul 0.9 alpha 0.1", "CosineDecayRestarts",
        dict(initial_learning_rate=0.1, first_decay_steps=10, m_mul=0.9, alpha=0.1), dense(400))
    add("CosineDecayRestarts t_mul 1", "CosineDecayRestarts",
        dict(initial_learning_rate=0.1, first_decay_steps=15, t_mul=1.0), dense(200))
    add("CosineDecayRestarts t_mul 3 m_mul 4 (Keras's test)", "CosineDecayRestarts",
        dict(initial_learning_rate=1.0, first_decay_steps=2, t_mul=3.0, m_mul=4.0), dense(250))
    add("CosineDecayRestarts m_mul 1.5", "CosineDecayRestarts",
        dict(initial_learning_rate=0.01, first_decay_steps=10, t_mul=1.5, m_mul=1.5), dense(300))
    add("CosineDecayRestarts t_mul 0.5 (shrinking periods)", "CosineDecayRestarts",
        dict(initial_learning_rate=0.1, first_decay_steps=10, t_mul=0.5), dense(20))
    add("CosineDecayRestarts t_mul 0.9 m_mul 0.8", "CosineDecayRestarts",
        dict(initial_learning_rate=0.1, first_decay_steps=40, t_mul=0.9, m_mul=0.8, alpha=0.05), dense(400))
    return c


def evaluate(schedule, steps):
    with np.errstate(all="ignore"):
        return [float(schedule(step)) for step in steps]


def with_float64(fn):
    """Runs fn with Keras's 64-to-32-bit promotion switched off and floatx float64."""
    saved, floatx = dict(dtypes.BIT64_TO_BIT32_DTYPE), keras.config.floatx()
    dtypes.BIT64_TO_BIT32_DTYPE["float64"] = "float64"
    keras.config.set_floatx("float64")
    try:
        return fn()
    finally:
        dtypes.BIT64_TO_BIT32_DTYPE.clear()
        dtypes.BIT64_TO_BIT32_DTYPE.update(saved)
        keras.config.set_floatx(floatx)


def first_nan(schedule, start, stop):
    with np.errstate(all="ignore"):
        for step in range(start, stop):
            if math.isnan(float(schedule(step))):
                return step
    return None


def restart_steps(kwargs, last):
    """Integer steps where a restart period starts, in exact arithmetic on the config's decimals:
    first * (1 - t^i) / (1 - t). Keras finds the period with a logarithm, which in float32 or
    float64 can put such a step at the end of the period before."""
    first = Fraction(str(kwargs["first_decay_steps"]))
    t = Fraction(str(kwargs.get("t_mul", 2.0)))
    out, i = [], 1
    while i < 10_000:
        start = first * i if t == 1 else first * (1 - t ** i) / (1 - t)
        if start > last:
            break
        if start.denominator == 1:
            out.append(int(start))
        if t < 1 and first * t ** i < Fraction(1, 10**6):
            break
        i += 1
    return out


def run_keras(case):
    cls = getattr(S, case["cls"])
    schedule = cls(**case["kwargs"])
    out = {"name": case["name"], "source": "keras", "keras": S.serialize(schedule), "steps": case["steps"],
           "float32": evaluate(schedule, case["steps"])}
    out["float64"] = with_float64(lambda: evaluate(cls(**case["kwargs"]), case["steps"]))
    if case["cls"] == "CosineDecayRestarts":
        out["restart_steps"] = restart_steps(case["kwargs"], max(case["steps"]))
    if case["cls"] == "CosineDecayRestarts" and case["kwargs"].get("t_mul", 2.0) < 1:
        out["nan_from"] = first_nan(schedule, 0, 10**6)
        out["nan_from64"] = with_float64(lambda: first_nan(cls(**case["kwargs"]), 0, 10**6))
    return out


# ------------------------------------------------------------------ tf-keras under a numpy stand-in

class _Scope:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self.name

    def __exit__(self, *exc):
        return False


class NumpyTF:
    """The `tf` calls tf-keras's LinearCosineDecay and NoisyLinearCosineDecay make, in numpy."""

    float32, float64 = np.float32, np.float64

    @staticmethod
    def name_scope(name):
        return _Scope(name)

    @staticmethod
    def convert_to_tensor(x, name=None):
        # TensorFlow: a Python float becomes float32, a numpy float keeps its dtype
        return np.asarray(x) if isinstance(x, np.generic) else np.asarray(x, dtype=np.float32)

    @staticmethod
    def cast(x, dtype):
        return np.asarray(x).astype(dtype)

    @staticmethod
    def constant(x, dtype=None):
        return np.asarray(x, dtype=dtype)

    minimum = staticmethod(np.minimum)
    cos = staticmethod(np.cos)
    sqrt = staticmethod(np.sqrt)
    pow = staticmethod(np.power)

    @staticmethod
    def multiply(a, b, name=None):
        return np.multiply(a, b)


class StandInRandom:
    """backend.RandomGenerator: random_normal returns `z * stddev` for a fixed z (0 or 1)."""

    z = 0.0

    def __init__(self, seed=None):
        self.seed = seed

    def random_normal(self, shape, stddev=1.0):
        return np.asarray(StandInRandom.z, dtype=np.asarray(stddev).dtype) * stddev


class StandInBackend:
    RandomGenerator = StandInRandom


class LearningRateSchedule:
    pass


def load_tf_keras(path):
    """tf-keras's two classes, from its source, bound to the stand-ins."""
    tree = ast.parse(open(path).read())
    wanted = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name in ("LinearCosineDecay", "NoisyLinearCosineDecay")]
    assert len(wanted) == 2, "tf-keras source without LinearCosineDecay / NoisyLinearCosineDecay"
    for node in wanted:
        node.decorator_list = []
    namespace = {"tf": NumpyTF, "math": math, "backend": StandInBackend, "LearningRateSchedule": LearningRateSchedule}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), path, "exec"), namespace)
    return namespace


def tf_keras_cases():
    c = []

    def add(name, cls, kwargs, steps):
        c.append({"name": name, "cls": cls, "kwargs": kwargs, "steps": steps})

    add("LinearCosineDecay", "LinearCosineDecay", dict(initial_learning_rate=0.1, decay_steps=100), dense(130))
    add("LinearCosineDecay periods 2 alpha beta", "LinearCosineDecay",
        dict(initial_learning_rate=0.05, decay_steps=1000, num_periods=2.0, alpha=0.1, beta=0.01), spread((0, 1200, 3)))
    add("NoisyLinearCosineDecay seed None", "NoisyLinearCosineDecay",
        dict(initial_learning_rate=0.1, decay_steps=100), dense(130))
    add("NoisyLinearCosineDecay seed 42", "NoisyLinearCosineDecay",
        dict(initial_learning_rate=0.1, decay_steps=300, initial_variance=0.5, variance_decay=0.3, num_periods=1.0,
             seed=42), spread((0, 400, 2)))
    add("NoisyLinearCosineDecay initial_variance 0", "NoisyLinearCosineDecay",
        dict(initial_learning_rate=0.1, decay_steps=50, initial_variance=0.0, seed=7), dense(60))
    return c


def run_tf_keras(case, ns):
    cls = ns[case["cls"]]
    config = cls(**case["kwargs"]).get_config()
    out = {"name": case["name"], "source": "tf-keras", "keras": {"class_name": case["cls"], "config": config},
           "steps": case["steps"]}

    def rates(dtype, z):
        StandInRandom.z = z
        kwargs = dict(case["kwargs"], initial_learning_rate=dtype(case["kwargs"]["initial_learning_rate"]))
        return evaluate(cls(**kwargs), case["steps"])

    out["float32"] = rates(np.float32, 0.0)
    out["float64"] = rates(np.float64, 0.0)
    if case["cls"] == "NoisyLinearCosineDecay":
        out["noise"] = {"unit32": rates(np.float32, 1.0), "unit64": rates(np.float64, 1.0)}
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: generate_keras_fixtures.py path/to/tf_keras/optimizers/schedules/learning_rate_schedule.py")
    ns = load_tf_keras(sys.argv[1])
    cases = [run_keras(c) for c in keras_cases()] + [run_tf_keras(c, ns) for c in tf_keras_cases()]
    out = {"keras_version": keras.__version__, "keras_backend": keras.backend.backend(),
           "tf_keras_source": {"file": "keras-team/tf-keras tf_keras/optimizers/schedules/learning_rate_schedule.py",
                               "sha256": hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()},
           "cases": cases}
    path = os.path.join(HERE, "fixtures", "keras_schedules.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote %s (%d cases)" % (os.path.relpath(path, os.getcwd()), len(cases)))


if __name__ == "__main__":
    main()
