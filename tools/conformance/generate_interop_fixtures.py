#!/usr/bin/python3
"""Scheduler state dicts that cross between real PyTorch and lrsched, in both directions.

Run it with each PyTorch (after building the packages, `npx nx run-many -t build`: lrsched's side
runs under node, tools/conformance/interop_lrsched.mjs)::

    /usr/bin/python3 tools/conformance/generate_interop_fixtures.py         # Debian's torch 1.13
    /work/pyenv/bin/python tools/conformance/generate_interop_fixtures.py   # torch 2.x

Each run writes fixtures/interop_torch<major>.json. Every case is a scheduler run of `len(steps)`
steps stopped at a random step `at` (seeded by the case's name, so the files are deterministic):

- ``torch_to_lrsched``: PyTorch's state dict and param groups at `at`, written by
  ``state_dict_to_json`` / ``optimizer_groups_json`` (packages/torch-compat/python/lrsched_torch.py),
  and PyTorch's rates for the rest of its uninterrupted run (lrsched must continue with them);
- ``lrsched_to_torch``: lrsched's ``JSON.stringify(s.stateDict())`` and ``saveParamGroups`` at
  `at`, loaded into a freshly built PyTorch scheduler with ``load_optimizer_groups_json`` /
  ``load_state_dict_json``, and the rates PyTorch then steps to (lrsched's uninterrupted run must
  equal them; its state at `at` must still be the recorded one).

Records hold the rate of every group (and momentum or betas) after each continuing step.
"""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "packages", "torch-compat", "python"))

import torch  # noqa: E402

import generate_torch_fixtures as G  # noqa: E402
from lrsched_torch import (load_optimizer_groups_json, load_state_dict_json, optimizer_groups_json,  # noqa: E402
                           state_dict_to_json)

ADAM_ONE = {"kind": "adam", "groups": [{"lr": 0.001, "betas": [0.9, 0.999]}]}


def case(name, cls, kwargs, steps, optimizer=G.TWO_SGD):
    return {"name": name, "optimizer": optimizer, "scheduler": {"class": cls, "kwargs": kwargs}, "steps": steps}


n, sub = G.n, G.sub


def cases():
    metrics = G.plateau_metrics()
    rising = [i * 0.1 for i in range(10)] + [0.9] * 10 + [0.9 - 0.05 * (i % 3) for i in range(15)]
    return [
        case("single lambda", "LambdaLR", {"lr_lambda": "0.95**epoch"}, n(30)),
        case("one lambda per group", "LambdaLR", {"lr_lambda": ["0.95**epoch", "1/(epoch+1)"]}, n(30)),
        case("warm-up lambda", "LambdaLR", {"lr_lambda": "min(1.0,(epoch+1)/5)"}, n(20)),
        case("constant factor", "MultiplicativeLR", {"lr_lambda": "0.95"}, n(30)),
        case("one factor per group", "MultiplicativeLR", {"lr_lambda": ["0.9 if epoch%2 else 1.0", "1-0.01*epoch"]},
             n(40)),
        case("step_size 3", "StepLR", {"step_size": 3}, n(20)),
        case("step_size 7 gamma 0.9", "StepLR", {"step_size": 7, "gamma": 0.9}, n(120)),
        case("fractional step_size", "StepLR", {"step_size": 2.5, "gamma": 0.5}, n(16)),
        case("adam one group", "StepLR", {"step_size": 4, "gamma": 0.3}, n(20), optimizer=ADAM_ONE),
        case("milestones with a repeat", "MultiStepLR", {"milestones": [3, 8, 8, 15], "gamma": 0.5}, n(25)),
        case("milestones 30 80", "MultiStepLR", {"milestones": [30, 80]}, n(100)),
        case("fractional milestones", "MultiStepLR", {"milestones": [1.5, 3, 6], "gamma": 0.5}, n(10)),
        case("defaults", "ConstantLR", {}, n(10)),
        case("factor 0.5 total_iters 4", "ConstantLR", {"factor": 0.5, "total_iters": 4}, n(10)),
        case("fractional total_iters", "ConstantLR", {"factor": 0.5, "total_iters": 2.5}, n(8)),
        case("defaults", "LinearLR", {}, n(10)),
        case("decay 1 to 0.1 over 10", "LinearLR", {"start_factor": 1.0, "end_factor": 0.1, "total_iters": 10}, n(15)),
        case("long warm-up", "LinearLR", {"start_factor": 0.001, "end_factor": 1.0, "total_iters": 30}, n(40)),
        case("gamma 0.9", "ExponentialLR", {"gamma": 0.9}, n(100)),
        case("gamma 0.999 long", "ExponentialLR", {"gamma": 0.999}, n(300)),
        case("gamma 1.05 grows", "ExponentialLR", {"gamma": 1.05}, n(40)),
        case("defaults", "PolynomialLR", {}, n(8)),
        case("power 2 over 10", "PolynomialLR", {"total_iters": 10, "power": 2.0}, n(15)),
        case("power 0.5 over 20", "PolynomialLR", {"total_iters": 20, "power": 0.5}, n(30)),
        case("total_iters 0", "PolynomialLR", {"total_iters": 0}, n(6)),
        case("T_max 10 past the end", "CosineAnnealingLR", {"T_max": 10}, n(50)),
        case("T_max 7 eta_min 0.001", "CosineAnnealingLR", {"T_max": 7, "eta_min": 0.001}, n(40)),
        case("negative T_max", "CosineAnnealingLR", {"T_max": -4, "eta_min": 0.01}, n(20)),
        case("T_0 5", "CosineAnnealingWarmRestarts", {"T_0": 5}, n(30)),
        case("T_0 3 T_mult 2 eta_min 0.01", "CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 2, "eta_min": 0.01},
             n(60)),
        case("fractional epochs T_mult 2", "CosineAnnealingWarmRestarts", {"T_0": 2, "T_mult": 2, "eta_min": 0.001},
             G.fractional_epochs(12, 4)),
        case("triangular, per-group bounds", "CyclicLR",
             {"base_lr": [0.001, 0.0005], "max_lr": [0.006, 0.004], "step_size_up": 5}, n(40)),
        case("triangular2", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 4, "mode": "triangular2"},
             n(50)),
        case("exp_range", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 6, "mode": "exp_range", "gamma": 0.99}, n(60)),
        case("custom scale_fn per iteration", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3, "scale_fn": "1/(1+0.05*x)",
              "scale_mode": "iterations"}, n(30)),
        case("cos defaults", "OneCycleLR", {"max_lr": 0.1, "total_steps": 20}, n(20)),
        case("linear", "OneCycleLR", {"max_lr": 0.1, "total_steps": 30, "anneal_strategy": "linear"}, n(30)),
        case("three phase", "OneCycleLR", {"max_lr": 0.05, "total_steps": 40, "three_phase": True}, n(40)),
        case("adam betas, per-group max_lr", "OneCycleLR",
             {"max_lr": [0.01, 0.004], "total_steps": 50, "pct_start": 0.25, "div_factor": 10.0,
              "final_div_factor": 100.0, "base_momentum": [0.85, 0.8], "max_momentum": [0.95, 0.9]}, n(50),
             optimizer=G.TWO_ADAM),
        case("min rel patience 2", "ReduceLROnPlateau", {"patience": 2, "factor": 0.5}, metrics),
        case("max rel", "ReduceLROnPlateau", {"mode": "max", "patience": 2, "factor": 0.2}, rising),
        case("cooldown 3, min_lr per group", "ReduceLROnPlateau",
             {"patience": 0, "cooldown": 3, "factor": 0.3, "min_lr": [0.01, 0.004]}, metrics),
        case("constant then exponential", "SequentialLR",
             {"schedulers": [sub("ConstantLR", factor=0.1, total_iters=2), sub("ExponentialLR", gamma=0.9)],
              "milestones": [2]}, n(15)),
        case("linear warm-up then cosine", "SequentialLR",
             {"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=5), sub("CosineAnnealingLR", T_max=10)],
              "milestones": [5]}, n(30)),
        case("three stages", "SequentialLR",
             {"schedulers": [sub("ConstantLR", factor=0.5, total_iters=10), sub("StepLR", step_size=2, gamma=0.5),
                             sub("ExponentialLR", gamma=0.95)], "milestones": [3, 10]}, n(20)),
        case("constant and exponential", "ChainedScheduler",
             {"schedulers": [sub("ConstantLR", factor=0.1, total_iters=2), sub("ExponentialLR", gamma=0.9)]}, n(15)),
        case("cosine and step", "ChainedScheduler",
             {"schedulers": [sub("CosineAnnealingLR", T_max=10), sub("StepLR", step_size=3, gamma=0.5)]}, n(25)),
        case("linear warm-up and multiplicative", "ChainedScheduler",
             {"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=4), sub("MultiplicativeLR", lr_lambda="0.95")]},
             n(12)),
    ]


def build(c):
    opt = G.make_optimizer(c["optimizer"])
    return opt, G.make_scheduler(c["scheduler"], opt)


def continue_run(c, opt, sched, at):
    plateau = c["scheduler"]["class"] == "ReduceLROnPlateau"
    records = []
    for arg in c["steps"][at:]:
        G.call_step(sched, arg, plateau)
        records.append(G.record(opt))
    return records


def torch_to_lrsched(c, at):
    opt, sched = build(c)
    plateau = c["scheduler"]["class"] == "ReduceLROnPlateau"
    for arg in c["steps"][:at]:
        G.call_step(sched, arg, plateau)
    state = json.loads(state_dict_to_json(sched))
    groups = json.loads(optimizer_groups_json(opt))
    return {"state": state, "groups": groups, "records": continue_run(c, opt, sched, at)}


def lrsched_to_torch(c, at, saved):
    opt, sched = build(c)
    load_optimizer_groups_json(opt, json.dumps(saved["groups"]))
    load_state_dict_json(sched, json.dumps(saved["state"]))
    return {"state": saved["state"], "groups": saved["groups"], "records": continue_run(c, opt, sched, at)}


def lrsched_states(all_cases):
    script = os.path.join(HERE, "interop_lrsched.mjs")
    out = subprocess.run(["node", script], input=json.dumps(all_cases), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def check_refusals():
    """The helper refuses what PyTorch would read wrongly, before loading anything."""
    opt, sched = build(case("", "MultiStepLR", {"milestones": [2, 4]}, n(1)))
    good = json.loads(state_dict_to_json(sched))
    load_state_dict_json(sched, json.dumps(dict(good, milestones={"2": 1, "4.0": 1})))
    assert sorted(sched.milestones) == [2, 4] and all(type(k) is int for k in sched.milestones)
    for bad in ({"milestones": {"two": 1}}, {"milestones": [2, 4]}, {"gamma": "0.1"}, {"base_lrs": [0.1]},
                {"last_epoch": None}, {"step_size": 3}):
        try:
            load_state_dict_json(sched, json.dumps(dict(good, **bad)))
        except ValueError:
            continue
        raise AssertionError("the helper loaded %r" % (bad,))
    missing = dict(good)
    del missing["last_epoch"]
    try:
        load_state_dict_json(sched, json.dumps(missing))
    except ValueError:
        return
    raise AssertionError("the helper loaded a dict without last_epoch")


def main():
    torch.set_default_dtype(torch.float64)
    check_refusals()
    all_cases = cases()
    for c in all_cases:
        c["at"] = random.Random(c["scheduler"]["class"] + ": " + c["name"]).randint(1, len(c["steps"]) - 2)
    saved = lrsched_states(all_cases)
    for c, s in zip(all_cases, saved):
        c["torch_to_lrsched"] = torch_to_lrsched(c, c["at"])
        c["lrsched_to_torch"] = lrsched_to_torch(c, c["at"], s)
    major = torch.__version__.split(".")[0]
    path = os.path.join(HERE, "fixtures", "interop_torch%s.json" % major)
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": all_cases}, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote %s (%d cases)" % (os.path.relpath(path, os.getcwd()), len(all_cases)))


if __name__ == "__main__":
    main()
