#!/work/pyenv/bin/python
"""Record the values of optax's schedule functions, as JSON fixtures for lrsched's optax dialect.

Run with the interpreter that has optax and jax::

    /work/pyenv/bin/python tools/conformance/generate_optax_fixtures.py

Writes ``tools/conformance/fixtures/optax.json``. jax runs with 64-bit floats
(``jax_enable_x64``), so the values are optax's formulas in f64. Deterministic: the same library
versions give a byte-identical file.

Fixture format::

    {optax_version, jax_version, cases: [case, ...]}

    case = {
      name,
      config: {fn, kwargs},       # kwargs as JSON: boundaries_and_scales keyed by strings,
                                  # join_schedules' schedules as nested {fn, kwargs}
      steps: [...],               # integer steps (as optax counts them) and a few fractional ones
      values: [...],              # schedule(step) for each
      error?: {type, message},    # optax raised while building the schedule (steps/values empty)
    }
"""

import importlib.metadata
import json
import os

import jax

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "optax.json")


def to_python(fn, kwargs):
    """JSON kwargs -> the Python call's: integer dict keys, nested schedules built."""
    kw = dict(kwargs)
    if "boundaries_and_scales" in kw and kw["boundaries_and_scales"] is not None:
        kw["boundaries_and_scales"] = {int(k): v for k, v in kw["boundaries_and_scales"].items()}
    if fn == "join_schedules":
        kw["schedules"] = [make(c) for c in kw["schedules"]]
    return kw


def make(config):
    fn = config["fn"]
    return getattr(optax, fn)(**to_python(fn, config["kwargs"]))


def value(schedule, step):
    count = jnp.asarray(step, dtype=jnp.int64 if isinstance(step, int) else jnp.float64)
    return float(schedule(count))


def steps_to(n, fractions=True):
    s = list(range(n + 1))
    if fractions:
        s += [0.5, n / 3 + 0.25, n * 0.7 + 0.5]
    return s


def case(name, fn, kwargs, n=40, fractions=True, extra=()):
    config = {"fn": fn, "kwargs": kwargs}
    out = {"name": name, "config": config}
    try:
        schedule = make(config)
    except Exception as e:
        out["error"] = {"type": type(e).__name__, "message": str(e)}
        out["steps"], out["values"] = [], []
        return out
    steps = steps_to(n, fractions) + list(extra)
    out["steps"] = steps
    out["values"] = [value(schedule, s) for s in steps]
    return out


def cases():
    lin = lambda a, b, t, **kw: {"fn": "linear_schedule", "kwargs": {"init_value": a, "end_value": b, "transition_steps": t, **kw}}
    cos = lambda v, d, **kw: {"fn": "cosine_decay_schedule", "kwargs": {"init_value": v, "decay_steps": d, **kw}}
    return [
        case("constant", "constant_schedule", {"value": 0.05}, n=5),
        # polynomial / linear: transition_begin holds init_value, steps are clipped to the transition
        case("polynomial power 2", "polynomial_schedule", {"init_value": 1.0, "end_value": 0.01, "power": 2, "transition_steps": 30}),
        case("polynomial with transition_begin", "polynomial_schedule", {"init_value": 0.5, "end_value": 0.0, "power": 0.5, "transition_steps": 20, "transition_begin": 7}),
        case("polynomial rising (end above init)", "polynomial_schedule", {"init_value": 0.001, "end_value": 0.1, "power": 1.5, "transition_steps": 25}),
        case("polynomial transition_steps 0 holds init_value", "polynomial_schedule", {"init_value": 0.3, "end_value": 0.0, "power": 1, "transition_steps": 0}, n=5),
        case("polynomial negative transition_begin counts as 0", "polynomial_schedule", {"init_value": 0.3, "end_value": 0.1, "power": 1, "transition_steps": 10, "transition_begin": -4}, n=15),
        case("polynomial power 0", "polynomial_schedule", {"init_value": 0.3, "end_value": 0.1, "power": 0, "transition_steps": 10}, n=12),
        case("linear", "linear_schedule", {"init_value": 0.1, "end_value": 0.001, "transition_steps": 30}),
        case("linear with transition_begin", "linear_schedule", {"init_value": 0.0, "end_value": 0.1, "transition_steps": 10, "transition_begin": 15}),
        # piecewise constant: a scale applies from its boundary on (step >= boundary)
        case("piecewise_constant", "piecewise_constant_schedule", {"init_value": 1.0, "boundaries_and_scales": {"10": 0.1, "25": 0.5}}),
        case("piecewise_constant with a boundary at 0", "piecewise_constant_schedule", {"init_value": 0.2, "boundaries_and_scales": {"0": 0.5, "5": 3.0, "12": 0.0}}, n=20),
        case("piecewise_constant without boundaries", "piecewise_constant_schedule", {"init_value": 0.2}, n=5),
        case("piecewise_constant negative scale", "piecewise_constant_schedule", {"init_value": 0.2, "boundaries_and_scales": {"5": -1.0}}),
        # exponential decay
        case("exponential_decay", "exponential_decay", {"init_value": 0.1, "transition_steps": 7, "decay_rate": 0.5}),
        case("exponential_decay staircase with transition_begin", "exponential_decay", {"init_value": 0.1, "transition_steps": 4, "decay_rate": 0.7, "transition_begin": 6, "staircase": True}),
        case("exponential_decay end_value is a floor", "exponential_decay", {"init_value": 0.1, "transition_steps": 3, "decay_rate": 0.5, "end_value": 0.004}),
        case("exponential_decay end_value above init_value", "exponential_decay", {"init_value": 0.1, "transition_steps": 3, "decay_rate": 0.5, "end_value": 0.2, "transition_begin": 3}, n=10),
        case("exponential growth capped by end_value", "exponential_decay", {"init_value": 0.001, "transition_steps": 2, "decay_rate": 1.5, "end_value": 0.02, "transition_begin": 3}),
        case("exponential growth staircase without a cap", "exponential_decay", {"init_value": 0.001, "transition_steps": 5, "decay_rate": 2.0, "staircase": True}),
        case("exponential decay_rate 1 with end_value (a cap)", "exponential_decay", {"init_value": 0.1, "transition_steps": 5, "decay_rate": 1.0, "end_value": 0.05}, n=8),
        case("exponential decay_rate 0 holds init_value", "exponential_decay", {"init_value": 0.1, "transition_steps": 5, "decay_rate": 0.0}, n=8),
        case("exponential transition_steps 0 holds init_value", "exponential_decay", {"init_value": 0.1, "transition_steps": 0, "decay_rate": 0.5}, n=8),
        # cosine
        case("cosine_decay alpha", "cosine_decay_schedule", {"init_value": 0.1, "decay_steps": 30, "alpha": 0.1}),
        case("cosine_decay exponent 2", "cosine_decay_schedule", {"init_value": 0.1, "decay_steps": 30, "exponent": 2.0}),
        case("cosine_decay exponent 0.5 and alpha", "cosine_decay_schedule", {"init_value": 0.3, "decay_steps": 25, "exponent": 0.5, "alpha": 0.05}),
        case("cosine_decay decay_steps 0", "cosine_decay_schedule", {"init_value": 0.1, "decay_steps": 0}),
        # warm-ups
        case("warmup_constant", "warmup_constant_schedule", {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 10}, n=15),
        case("warmup_constant warmup_steps 0 holds init_value", "warmup_constant_schedule", {"init_value": 0.01, "peak_value": 0.1, "warmup_steps": 0}, n=5),
        case("warmup_cosine_decay (decay_steps includes the warm-up)", "warmup_cosine_decay_schedule", {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 5, "decay_steps": 30, "end_value": 0.001}),
        case("warmup_cosine_decay exponent", "warmup_cosine_decay_schedule", {"init_value": 0.01, "peak_value": 0.2, "warmup_steps": 4, "decay_steps": 20, "exponent": 3.0}, n=25),
        case("warmup_cosine_decay without warm-up", "warmup_cosine_decay_schedule", {"init_value": 0.5, "peak_value": 0.2, "warmup_steps": 0, "decay_steps": 20}, n=25),
        case("warmup_exponential_decay", "warmup_exponential_decay_schedule", {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 5, "transition_steps": 3, "decay_rate": 0.5, "transition_begin": 4, "staircase": True, "end_value": 0.005}),
        # restarts and one-cycle
        case("sgdr", "sgdr_schedule", {"cosine_kwargs": [
            {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 3, "decay_steps": 10},
            {"init_value": 0.01, "peak_value": 0.05, "warmup_steps": 2, "decay_steps": 15, "end_value": 0.001},
            {"init_value": 0.0, "peak_value": 0.02, "warmup_steps": 0, "decay_steps": 10}]}, n=45),
        case("linear_onecycle", "linear_onecycle_schedule", {"transition_steps": 40, "peak_value": 0.1}, n=45),
        case("linear_onecycle with truncated, colliding boundaries", "linear_onecycle_schedule", {"transition_steps": 10, "peak_value": 0.1, "pct_start": 0.3, "pct_final": 0.35, "div_factor": 10.0, "final_div_factor": 100.0}, n=14),
        case("linear_onecycle boundaries truncated", "linear_onecycle_schedule", {"transition_steps": 7, "peak_value": 1.0, "pct_start": 0.45, "pct_final": 0.8}, n=10),
        case("cosine_onecycle", "cosine_onecycle_schedule", {"transition_steps": 40, "peak_value": 0.1, "pct_start": 0.25}, n=45),
        case("cosine_onecycle rise truncated to step 0", "cosine_onecycle_schedule", {"transition_steps": 3, "peak_value": 0.1, "pct_start": 0.2}, n=6),
        case("onecycle transition_steps 0", "linear_onecycle_schedule", {"transition_steps": 0, "peak_value": 0.1}),
        case("piecewise_interpolate linear", "piecewise_interpolate_schedule", {"interpolate_type": "linear", "init_value": 1.0, "boundaries_and_scales": {"4": 0.1, "8": 0.01}}, n=12),
        case("piecewise_interpolate cosine from a boundary at 0", "piecewise_interpolate_schedule", {"interpolate_type": "cosine", "init_value": 0.5, "boundaries_and_scales": {"0": 0.2, "6": 5.0, "15": 0.1}}, n=20),
        case("piecewise_interpolate without boundaries", "piecewise_interpolate_schedule", {"interpolate_type": "linear", "init_value": 0.5}, n=4),
        case("piecewise_interpolate unknown type", "piecewise_interpolate_schedule", {"interpolate_type": "quadratic", "init_value": 0.5}),
        # join: each schedule sees step - boundary
        case("join_schedules", "join_schedules", {"schedules": [lin(0.0, 0.1, 10), cos(0.1, 20, alpha=0.01), {"fn": "constant_schedule", "kwargs": {"value": 0.001}}], "boundaries": [10, 30]}, n=40),
        case("join_schedules with a boundary at 0 and a repeated boundary", "join_schedules", {"schedules": [lin(0.5, 0.1, 10), lin(0.0, 0.1, 10), cos(0.3, 10), lin(0.2, 0.0, 5)], "boundaries": [0, 8, 8]}, n=20),
        case("join_schedules of joins", "join_schedules", {"schedules": [
            {"fn": "join_schedules", "kwargs": {"schedules": [lin(0.0, 0.1, 3), cos(0.1, 5)], "boundaries": [3]}},
            {"fn": "exponential_decay", "kwargs": {"init_value": 0.05, "transition_steps": 2, "decay_rate": 0.8}}], "boundaries": [9]}, n=20),
    ]


def main():
    data = {
        "optax_version": importlib.metadata.version("optax"),
        "jax_version": jax.__version__,
        "cases": cases(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(OUT, len(data["cases"]), "cases", sum(len(c["values"]) for c in data["cases"]), "values")


if __name__ == "__main__":
    main()
