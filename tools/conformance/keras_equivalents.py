"""Learning rates of PyTorch schedulers whose curves equal a Keras schedule's.

Each case runs a real torch.optim.lr_scheduler class and records the rate after construction and
after every step, together with the Keras-form (lrsched spec) it must equal:

  ExponentialLR(gamma)                    == exponentialDecay(decaySteps=1, decayRate=gamma)
  StepLR(step_size, gamma)                == exponentialDecay(decaySteps=step_size, staircase)
  MultiStepLR(milestones, gamma)          == piecewiseConstantDecay(boundaries=milestones - 1)
  PolynomialLR(total_iters, power)        == polynomialDecay(endLearningRate=0)
  CosineAnnealingLR(T_max, eta_min)       == cosineDecay(alpha=eta_min/lr)        for t <= T_max
  CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)
                                          == cosineDecayRestarts(tMul=T_mult, alpha=eta_min/lr)
  LinearLR(start_factor, 1.0, total_iters)== warmup(constant(lr), linear from lr*start_factor)

Run with Debian's PyTorch:  /usr/bin/python3 tools/conformance/keras_equivalents.py
Writes tools/conformance/fixtures/keras_equivalents.json.
"""
import json
import os

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S


def run(make, lr, steps):
    param = torch.nn.Parameter(torch.zeros(1))
    opt = SGD([param], lr=lr)
    sched = make(opt)
    lrs = [opt.param_groups[0]["lr"]]
    for _ in range(steps):
        opt.step()
        sched.step()
        lrs.append(opt.param_groups[0]["lr"])
    return lrs


def case(name, torch_class, kwargs, lr, steps, spec):
    make = lambda opt: getattr(S, torch_class)(opt, **kwargs)
    return {"name": name, "torch": torch_class, "kwargs": kwargs, "lr": lr,
            "spec": spec, "lrs": run(make, lr, steps)}


def main():
    cases = [
        case("exponential", "ExponentialLR", {"gamma": 0.95}, 0.1, 300,
             {"type": "exponentialDecay", "initialLearningRate": 0.1, "decaySteps": 1, "decayRate": 0.95}),
        case("step", "StepLR", {"step_size": 30, "gamma": 0.1}, 0.15, 200,
             {"type": "exponentialDecay", "initialLearningRate": 0.15, "decaySteps": 30, "decayRate": 0.1,
              "staircase": True}),
        case("multistep", "MultiStepLR", {"milestones": [100, 200], "gamma": 0.5}, 1.0, 300,
             {"type": "piecewiseConstantDecay", "boundaries": [99, 199], "values": [1.0, 0.5, 0.25]}),
        case("polynomial", "PolynomialLR", {"total_iters": 50, "power": 2.0}, 0.2, 80,
             {"type": "polynomialDecay", "initialLearningRate": 0.2, "decaySteps": 50, "endLearningRate": 0.0,
              "power": 2.0}),
        case("polynomial-linear", "PolynomialLR", {"total_iters": 40, "power": 1.0}, 0.05, 60,
             {"type": "polynomialDecay", "initialLearningRate": 0.05, "decaySteps": 40, "endLearningRate": 0.0}),
        case("cosine", "CosineAnnealingLR", {"T_max": 200, "eta_min": 0.001}, 0.1, 200,
             {"type": "cosineDecay", "initialLearningRate": 0.1, "decaySteps": 200, "alpha": 0.01}),
        case("warm-restarts", "CosineAnnealingWarmRestarts", {"T_0": 10, "T_mult": 2, "eta_min": 0.0}, 0.1, 300,
             {"type": "cosineDecayRestarts", "initialLearningRate": 0.1, "firstDecaySteps": 10, "tMul": 2}),
        case("warm-restarts-flat", "CosineAnnealingWarmRestarts", {"T_0": 25, "T_mult": 1, "eta_min": 0.01}, 0.5,
             200, {"type": "cosineDecayRestarts", "initialLearningRate": 0.5, "firstDecaySteps": 25, "tMul": 1,
                   "alpha": 0.02}),
        case("linear-warmup", "LinearLR", {"start_factor": 0.1, "end_factor": 1.0, "total_iters": 20}, 0.4, 60,
             {"type": "warmup", "schedule": {"type": "constant", "value": 0.4}, "warmupSteps": 20,
              "initialLr": 0.04, "offset": False}),
    ]
    out = {"torch_version": torch.__version__, "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "keras_equivalents.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
