#!/work/pyenv/bin/python
"""Record the plateau policy after a warm-up, from real Keras and real PyTorch.

Run with the interpreter that has keras 3 and torch 2::

    /work/pyenv/bin/python tools/conformance/generate_plateau_fixtures.py

It writes ``tools/conformance/fixtures/plateau_warmup.json`` (deterministic: the same library
versions give a byte-identical file) with two sections:

``keras``: Keras's own ``keras.callbacks.ReduceLROnPlateau`` (numpy backend) on a compiled model,
``on_train_begin`` then ``on_epoch_end(epoch, {monitor: metric})`` for a fed metric sequence::

    case = {label, kwargs, lr, metrics, lrs}   # lrs[e]: the optimizer's rate after epoch e's end

``torch``: the loop PyTorch users write to warm up and then hand over to ``ReduceLROnPlateau``
(which ``SequentialLR`` refuses): a ``LinearLR`` warm-up of ``milestone - 1`` steps that ends at
the full rate, then ``ReduceLROnPlateau.step(metric)`` from step ``milestone`` on::

    case = {label, groups, warmup: {start_factor, total_iters}, milestone, plateau, metrics, lrs}
    # lrs[0] after construction, lrs[k] after the k-th step (metrics[k - 1] is that step's metric;
    # the warm-up steps ignore theirs)
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "numpy")

import keras  # noqa: E402
import torch  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "plateau_warmup.json")

# A loss that falls, stalls, dips, stalls long and creeps up.
LOSS = [2.0, 1.5, 1.2, 1.1, 1.09, 1.2, 1.15, 1.1, 1.12, 1.13, 1.05, 1.06, 1.07, 1.06, 1.08,
        1.0, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 0.9, 0.95, 0.97]
# An accuracy (mode 'max').
ACC = [0.2, 0.4, 0.5, 0.5, 0.52, 0.51, 0.5, 0.6, 0.6, 0.6, 0.61, 0.6, 0.65, 0.64, 0.64, 0.64, 0.7, 0.7]


def keras_case(label, lr, metrics, **kwargs):
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss="mse")
    cb = keras.callbacks.ReduceLROnPlateau(monitor="fed", **kwargs)
    cb.set_model(model)
    cb.on_train_begin()
    lrs = []
    for epoch, value in enumerate(metrics):
        cb.on_epoch_end(epoch, {"fed": value})
        lrs.append(float(keras.ops.convert_to_numpy(model.optimizer.learning_rate)))
    return {"label": label, "kwargs": kwargs, "lr": lr, "metrics": metrics, "lrs": lrs}


def torch_case(label, group_lrs, start_factor, milestone, metrics, **plateau):
    opt = torch.optim.SGD([{"params": [torch.nn.Parameter(torch.zeros(1))], "lr": lr} for lr in group_lrs])
    warm = torch.optim.lr_scheduler.LinearLR(opt, start_factor=start_factor, total_iters=milestone - 1)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **plateau)
    rates = lambda: [float(g["lr"]) for g in opt.param_groups]  # noqa: E731
    lrs = [rates()]
    for k, metric in enumerate(metrics, start=1):
        opt.step()
        if k < milestone:
            warm.step()
        else:
            sched.step(metric)
        lrs.append(rates())
    return {
        "label": label,
        "groups": group_lrs,
        "warmup": {"start_factor": start_factor, "total_iters": milestone - 1},
        "milestone": milestone,
        "plateau": plateau,
        "metrics": metrics,
        "lrs": lrs,
    }


def dump(value, indent=0):
    """JSON with number lists on one line."""
    pad = " " * indent
    if isinstance(value, dict):
        items = [f'{pad} {json.dumps(k)}: {dump(v, indent + 1)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value):
        return "[\n" + ",\n".join(pad + " " + dump(v, indent + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value, allow_nan=False)


def main():
    keras_cases = [
        keras_case("seed policy", 0.1, LOSS, factor=0.2, patience=5, min_delta=0.01, mode="min"),
        keras_case("patience 2 cooldown 1 floor", 0.1, LOSS, factor=0.5, patience=2, cooldown=1, min_lr=0.02,
                   mode="min"),
        keras_case("patience 0", 0.05, LOSS, factor=0.7, patience=0, mode="min"),
        keras_case("mode max", 0.1, ACC, factor=0.5, patience=1, min_delta=0.005, mode="max"),
    ]
    torch_cases = [
        torch_case("warm-up 5, patience 2", [0.1, 0.05], 0.1, 6, LOSS, mode="min", factor=0.5, patience=2,
                   threshold=0.01),
        torch_case("warm-up 3, the seed's plateau", [0.1, 0.05], 0.2, 4, LOSS, mode="min", factor=0.2,
                   threshold=0.01, patience=5),
        torch_case("warm-up 2, max, abs, cooldown, floors", [0.1, 0.04], 0.5, 3, ACC, mode="max", factor=0.5,
                   patience=1, threshold=0.005, threshold_mode="abs", cooldown=2, min_lr=[0.01, 0.004]),
    ]
    payload = {
        "keras_version": keras.__version__,
        "keras_backend": keras.backend.backend(),
        "torch_version": torch.__version__,
        "keras": keras_cases,
        "torch": torch_cases,
    }
    with open(OUT, "w") as f:
        f.write(dump(payload))
        f.write("\n")
    print("wrote %s (%d Keras cases, %d PyTorch cases)" % (os.path.relpath(OUT, os.getcwd()), len(keras_cases),
                                                          len(torch_cases)))


if __name__ == "__main__":
    main()
