"""Move a training run between PyTorch and lrsched: scheduler state and param groups as plain JSON.

Standard library and torch only; works with PyTorch 1.13 and 2.x.

PyTorch -> lrsched::

    from lrsched_torch import state_dict_to_json, optimizer_groups_json
    open("scheduler.json", "w").write(state_dict_to_json(scheduler))
    open("groups.json", "w").write(optimizer_groups_json(optimizer))

lrsched -> PyTorch (a scheduler built with the same arguments)::

    from lrsched_torch import load_state_dict_json, load_optimizer_groups_json
    load_optimizer_groups_json(optimizer, open("groups.json").read())
    load_state_dict_json(scheduler, open("scheduler.json").read())

The JSON form of a state dict: callables left out (a scheduler keeps the ones it was built with, or
rebuilds them from ``mode`` / ``anneal_strategy`` as PyTorch's own load_state_dict does), a Counter
as an object with string keys, tuples as lists, and inf / -inf / nan as the strings "inf", "-inf",
"nan" ("Infinity", "-Infinity", "NaN" are read too). Loading checks every value against the type
the live scheduler holds (milestones become a Counter of numbers again, never of strings), and maps
the keys one PyTorch version has and the other lacks (``verbose``, ``_is_initial``,
``anneal_func`` / ``_anneal_func_type``, ``use_beta1``, ``default_min_lr``), so a state saved by
lrsched (PyTorch 1.13's keys) loads into 2.x and back.
"""

import collections
import functools
import json
import math
import types
import weakref

import torch

__all__ = ["state_dict_to_json", "load_state_dict_json", "optimizer_groups_json", "load_optimizer_groups_json"]

NON_FINITE = {"inf": math.inf, "-inf": -math.inf, "nan": math.nan,
              "Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}

# the param-group fields lr schedulers read and write; lrsched's camelCase names are read too
GROUP_KEYS = ("lr", "initial_lr", "momentum", "betas", "max_lr", "min_lr", "max_momentum", "base_momentum")
CAMEL = {"initialLr": "initial_lr", "maxLr": "max_lr", "minLr": "min_lr", "maxMomentum": "max_momentum",
         "baseMomentum": "base_momentum"}

# CyclicLR's built-in scale functions by mode
SCALE_FN = {"triangular": "_triangular_scale_fn", "triangular2": "_triangular2_scale_fn",
            "exp_range": "_exp_range_scale_fn"}
ANNEAL = {"_annealing_cos": "cos", "_annealing_linear": "linear"}

# keys a state dict may lack: version-specific ones, callables, and what exists only after a step
OPTIONAL = {"verbose", "_is_initial", "_get_lr_called_within_step", "use_beta1", "default_min_lr", "_scale_fn_ref",
            "_scale_fn_custom", "anneal_func", "_anneal_func_type", "_last_lr", "_step_count"}


# ------------------------------------------------------------------------- PyTorch -> JSON

def _is_function(value):
    return isinstance(value, (types.FunctionType, types.MethodType, types.BuiltinFunctionType,
                              functools.partial, weakref.WeakMethod))


def _to_json(value, where):
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return _to_json(value.item(), where)
    if isinstance(value, collections.Counter):
        return {str(k): value[k] for k in sorted(value)}
    if isinstance(value, dict):
        return {str(k): _to_json(v, "%s.%s" % (where, k)) for k, v in value.items() if not _is_function(v)}
    if isinstance(value, (list, tuple)):
        return [_to_json(v, "%s[%d]" % (where, i)) for i, v in enumerate(value)]
    raise TypeError("%s: cannot write %r as JSON" % (where, value))


def state_dict_to_json(scheduler):
    """``scheduler.state_dict()`` as strict JSON text (callables left out)."""
    return json.dumps(_to_json(scheduler.state_dict(), "state_dict"), allow_nan=False)


def optimizer_groups_json(optimizer):
    """The scheduler fields of every param group (lr, initial_lr, momentum, betas, ...) as JSON text."""
    groups = [{k: _to_json(g[k], "param_groups[%d].%s" % (i, k)) for k in GROUP_KEYS if k in g}
              for i, g in enumerate(optimizer.param_groups)]
    return json.dumps(groups, allow_nan=False)


# ------------------------------------------------------------------------- JSON -> PyTorch

def _number(value, where):
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("%s must be a number, got %r" % (where, value))
    if isinstance(value, str):
        if value not in NON_FINITE:
            raise ValueError("%s must be a number or one of %s, got %r" % (where, ", ".join(NON_FINITE), value))
        return NON_FINITE[value]
    return value


def _milestone(key, where):
    """A Counter key written as a string: "3" -> 3, "1.5" -> 1.5 (equal numbers are one key)."""
    try:
        number = float(key)
    except ValueError:
        raise ValueError("%s: milestone %r is not a number" % (where, key)) from None
    if not math.isfinite(number):
        raise ValueError("%s: milestone %r is not finite" % (where, key))
    return int(number) if number.is_integer() else number


def _like(live, value, where):
    """`value` read from JSON, converted to the type the live scheduler holds at this place."""
    if isinstance(live, bool):
        if not isinstance(value, bool):
            raise ValueError("%s must be true or false, got %r" % (where, value))
        return value
    if isinstance(live, collections.Counter):
        if not isinstance(value, dict):
            raise ValueError("%s must be an object {milestone: count}, got %r" % (where, value))
        counter = collections.Counter()
        for key, count in value.items():
            if isinstance(count, bool) or not isinstance(count, int) or count < 1:
                raise ValueError("%s.%s must be a positive integer count, got %r" % (where, key, count))
            counter[_milestone(key, where)] += count
        return counter
    if isinstance(live, torch.Tensor):
        return torch.tensor(float(_number(value, where)), dtype=live.dtype)
    if isinstance(live, float):
        return float(_number(value, where))
    if isinstance(live, int):
        return _number(value, where)
    if isinstance(live, str):
        if not isinstance(value, str):
            raise ValueError("%s must be a string, got %r" % (where, value))
        return value
    if isinstance(live, (list, tuple)):
        if not isinstance(value, list) or len(value) != len(live):
            raise ValueError("%s must be a list of %d values, got %r" % (where, len(live), value))
        items = [_like(a, b, "%s[%d]" % (where, i)) for i, (a, b) in enumerate(zip(live, value))]
        return tuple(items) if isinstance(live, tuple) else items
    if isinstance(live, dict):
        if not isinstance(value, dict) or set(value) != set(live):
            raise ValueError("%s must be an object with the keys %s, got %r" % (where, sorted(live), value))
        return {k: _like(live[k], v, "%s.%s" % (where, k)) for k, v in value.items()}
    # None in the live scheduler (a lambda's saved state, default_min_lr): taken as written
    if isinstance(value, str) and value in NON_FINITE:
        return NON_FINITE[value]
    return value


def _set_anneal(scheduler, live, out, strategy, where):
    if strategy not in ("cos", "linear"):
        raise ValueError("%s must name 'cos' or 'linear' annealing, got %r" % (where, strategy))
    if "_anneal_func_type" in live:  # PyTorch 2.x
        out["_anneal_func_type"] = strategy
    if "anneal_func" in live:  # PyTorch 1.13 keeps the bound method
        out["anneal_func"] = getattr(scheduler, "_annealing_" + strategy)


def _version_key(scheduler, live, key, value, out, where):
    """Keys one PyTorch version writes and the other lacks; True when `key` was one of them."""
    if key in ("verbose", "_is_initial", "_get_lr_called_within_step", "default_min_lr", "_step_count", "_last_lr"):
        if key in live:
            out[key] = _like(live[key], value, where)
        elif key == "_last_lr":  # ReduceLROnPlateau before its first step (1.13)
            out[key] = [float(_number(v, "%s[%d]" % (where, i))) for i, v in enumerate(value)]
        elif key == "_step_count":
            out[key] = _number(value, where)
        return True
    if key == "use_beta1":
        if key in live:
            out[key] = _like(live[key], value, where)
        elif value is True:
            raise ValueError("%s is true: cycling beta1 needs a scheduler class that does (PyTorch 2.x's CyclicLR)" % where)
        return True
    if key == "anneal_func":
        if value not in ANNEAL:
            raise ValueError("%s must be one of %s, got %r" % (where, ", ".join(ANNEAL), value))
        _set_anneal(scheduler, live, out, ANNEAL[value], where)
        return True
    if key == "_anneal_func_type":
        _set_anneal(scheduler, live, out, value, where)
        return True
    if key in ("_scale_fn_ref", "_scale_fn_custom"):
        out[key] = value  # settled by _scale_functions once the mode is known
        return True
    return False


def _scale_functions(scheduler, live, out, where):
    """CyclicLR: the constructed scheduler's scale function, or the one the loaded mode names."""
    written_custom = out.pop("_scale_fn_custom", None)
    out.pop("_scale_fn_ref", None)
    custom = getattr(scheduler, "_scale_fn_custom", None)
    if written_custom == "<function>" and custom is None:
        raise ValueError("%s._scale_fn_custom: the state used a custom scale function; build the "
                         "scheduler with scale_fn" % where)
    mode = out.get("mode", getattr(scheduler, "mode", None))
    if custom is None and mode not in SCALE_FN:
        raise ValueError("%s.mode must be one of %s without a scale_fn, got %r" % (where, ", ".join(SCALE_FN), mode))
    if "_scale_fn_ref" in live:  # PyTorch 1.13: load_state_dict copies attributes as they are
        out["_scale_fn_custom"] = custom
        out["_scale_fn_ref"] = None if custom is not None else weakref.WeakMethod(getattr(scheduler, SCALE_FN[mode]))
    else:  # PyTorch 2.x: load_state_dict pops _scale_fn_custom (a callable object's state) and rebuilds the rest
        out["_scale_fn_custom"] = written_custom if isinstance(written_custom, dict) else None


def _merge(scheduler, data, where):
    if not isinstance(data, dict):
        raise ValueError("%s must be a JSON object (a state dict), got %r" % (where, data))
    live = scheduler.state_dict()
    name = type(scheduler).__name__
    out = {}
    for key, value in data.items():
        at = "%s.%s" % (where, key)
        if _version_key(scheduler, live, key, value, out, at):
            continue
        if key not in live:
            raise ValueError("%s is not a key of a %s state dict (a dict of another scheduler class?)" % (at, name))
        if key == "_schedulers":
            children = scheduler._schedulers
            if not isinstance(value, list) or len(value) != len(children):
                raise ValueError("%s must be a list of %d state dicts" % (at, len(children)))
            out[key] = [_merge(s, d, "%s[%d]" % (at, i)) for i, (s, d) in enumerate(zip(children, value))]
        else:
            out[key] = _like(live[key], value, at)
    missing = [k for k, v in live.items() if k not in data and k not in OPTIONAL and not _is_function(v)]
    if missing:
        raise ValueError("%s lacks %s (a %s state dict has them)" % (where, ", ".join(missing), name))
    if isinstance(scheduler, torch.optim.lr_scheduler.CyclicLR):
        _scale_functions(scheduler, live, out, where)
    return out


def load_state_dict_json(scheduler, text):
    """Loads a JSON state dict (``state_dict_to_json``'s, or lrsched's ``JSON.stringify(s.stateDict())``)
    into a scheduler built with the same arguments. Every value is checked first: a mismatched or
    corrupt dict raises ValueError and loads nothing."""
    scheduler.load_state_dict(_merge(scheduler, json.loads(text), "state_dict"))


def load_optimizer_groups_json(optimizer, text):
    """Sets the param-group fields ``optimizer_groups_json`` (or lrsched's ``saveParamGroups``) wrote.
    Every group is checked before any is changed; fields other than the scheduler's are ignored."""
    data = json.loads(text)
    groups = optimizer.param_groups
    if not isinstance(data, list) or len(data) != len(groups):
        raise ValueError("param groups: expected a list of %d groups, got %r" % (len(groups), data))
    staged = []
    for i, saved in enumerate(data):
        where = "param_groups[%d]" % i
        if not isinstance(saved, dict):
            raise ValueError("%s must be an object, got %r" % (where, saved))
        fields = {}
        for key, value in saved.items():
            name = CAMEL.get(key, key)
            if name not in GROUP_KEYS:
                continue
            at = "%s.%s" % (where, key)
            if name == "betas":
                if not isinstance(value, list) or not value:
                    raise ValueError("%s must be a list of numbers, got %r" % (at, value))
                fields[name] = tuple(float(_number(b, at)) for b in value)
            else:
                fields[name] = float(_number(value, at))
        if "lr" not in fields:
            raise ValueError("%s.lr is missing" % where)
        staged.append(fields)
    for group, fields in zip(groups, staged):
        for key, value in fields.items():
            if isinstance(group.get(key), torch.Tensor):
                group[key].fill_(value)
            else:
                group[key] = value
