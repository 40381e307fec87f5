#!/work/pyenv/bin/python
"""Run the Python code lrsched writes for every schedule type and record the rates it gives.

    npx nx run-many -t build                   # the snippets come from the built ts-api
    /work/pyenv/bin/python tools/conformance/generate_python_code_fixtures.py

``python_code_cases.mjs`` (run with node) lists the cases -- every type of ``lrsched list``,
several option sets each -- with the snippet ``toPythonCode`` writes for PyTorch, Keras and optax.
Every snippet is compiled (py_compile) and executed with the real library, each framework in its
own interpreter:

- pytorch: ``make_scheduler`` on an SGD optimizer whose two param groups were built with other
  rates (0.5 and 0.003, one with a stale ``initial_lr``); the rate of every group right after
  ``make_scheduler`` returns and after each ``optimizer.step(); scheduler.step()``.
- keras (KERAS_BACKEND=jax, Keras's defaults: float32): ``schedule(step)`` for each step, and
  the same through ``from_config(get_config())``.
- optax (jax with ``jax_enable_x64``: float64): ``schedule(step)`` for each integer step.

The PyTorch snippets run twice: with this interpreter's torch (2.x) and with Debian's
``python3-torch`` (1.13, ``/usr/bin/python3``), whose rates go in ``debian_rates``.

Writes ``tools/conformance/fixtures/python_code.json``::

    {versions: {torch, keras, jax, optax}, types: [...],
     cases: [{spec, steps, frameworks: {pytorch|keras|optax: {form, code, rates} | {form: "none", error}}}]}

(``frameworks.pytorch`` also holds ``debian_rates``, and ``versions`` ``pytorch_debian``.)

``rates[k]`` is the rate at step k (k = 0 .. steps); for pytorch, one list per param group.
Deterministic: the same library versions give a byte-identical file.
"""

import json
import os
import py_compile
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "fixtures", "python_code.json")


def load(code, name):
    """Compile the snippet as a file (py_compile, as a user's module would be) and execute it."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, f"{name}.py")
        with open(path, "w") as f:
            f.write(code)
        py_compile.compile(path, doraise=True)
    namespace = {"__name__": name}
    exec(compile(code, f"{name}.py", "exec"), namespace)
    return namespace


def run_pytorch(code, steps):
    import torch

    ns = load(code, "lrsched_pytorch")
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in range(2)]
    opt = torch.optim.SGD([{"params": [params[0]], "lr": 0.5}, {"params": [params[1]], "lr": 0.003, "initial_lr": 7.0}], lr=0.5)
    scheduler = ns["make_scheduler"](opt)
    rates = [[g["lr"] for g in opt.param_groups]]
    for _ in range(steps):
        opt.step()
        scheduler.step()
        rates.append([g["lr"] for g in opt.param_groups])
    return [list(r) for r in zip(*rates)], torch.__version__


def run_keras(code, steps):
    import keras
    from keras import ops

    ns = load(code, "lrsched_keras")
    schedule = ns["schedule"]
    again = type(schedule).from_config(schedule.get_config())
    rates = []
    for k in range(steps + 1):
        step = ops.convert_to_tensor(k, dtype="int64")
        v, w = float(schedule(step)), float(again(step))
        if v != w and not (v != v and w != w):
            raise AssertionError(f"from_config(get_config()) changes the rate at step {k}: {v} != {w}")
        rates.append(v)
    return rates, keras.__version__


def run_optax(code, steps):
    import jax

    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import optax

    ns = load(code, "lrsched_optax")
    schedule = ns["schedule"]
    rates = [float(schedule(jnp.asarray(k))) for k in range(steps + 1)]
    return rates, f"{optax.__version__} (jax {jax.__version__})"


RUNNERS = {"pytorch": run_pytorch, "keras": run_keras, "optax": run_optax}
DEBIAN_PYTHON = "/usr/bin/python3"  # Debian's python3-torch (1.13)


def child(framework):
    """Runs one framework's snippets: reads [{code, steps}] on stdin, writes results on stdout."""
    jobs = json.load(sys.stdin)
    out, version = [], None
    for job in jobs:
        rates, version = RUNNERS[framework](job["code"], job["steps"])
        out.append(rates)
    json.dump({"version": version, "rates": out}, sys.stdout)


def main():
    listed = subprocess.run(["node", os.path.join(HERE, "python_code_cases.mjs")], cwd=ROOT, check=True,
                            capture_output=True, text=True)
    data = json.loads(listed.stdout)
    cases = data["cases"]
    versions = {}
    runs = [(f, sys.executable, f, "rates") for f in RUNNERS] + [("pytorch", DEBIAN_PYTHON, "pytorch_debian", "debian_rates")]
    for framework, python, label, key in runs:
        jobs = [{"code": c["code"][framework]["code"], "steps": c["steps"]} for c in cases if c["code"][framework]["form"] != "none"]
        env = dict(os.environ, KERAS_BACKEND="jax")
        res = subprocess.run([python, __file__, "--child", framework], input=json.dumps(jobs), env=env,
                             check=True, capture_output=True, text=True)
        result = json.loads(res.stdout)
        versions[label] = result["version"]
        it = iter(result["rates"])
        for c in cases:
            entry = c["code"][framework]
            if entry["form"] != "none":
                entry[key] = next(it)
    fixture = {
        "versions": versions,
        "types": data["types"],
        "cases": [{"spec": c["spec"], "steps": c["steps"], "frameworks": c["code"]} for c in cases],
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    n = sum(1 for c in cases for f in c["code"].values() if f["form"] != "none")
    print(OUT, len(cases), "cases,", n, "snippets run")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main()
