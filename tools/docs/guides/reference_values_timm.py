# The timm reference values quoted in docs/port-a-config.md (timm 1.0.29 on torch 2.13). timm's
# package __init__ imports torchvision; only timm.scheduler is loaded, from timm's own source.
import os
os.environ["KERAS_BACKEND"]="numpy"
import sys, types, importlib.util, importlib.metadata
import torch
_spec = importlib.util.find_spec("timm")
_pkg = types.ModuleType("timm"); _pkg.__path__ = list(_spec.submodule_search_locations)
sys.modules["timm"] = _pkg
import timm.scheduler
m = torch.nn.Linear(1,1)
print('timm', importlib.metadata.version('timm'))
# timm
opt = torch.optim.SGD(m.parameters(), lr=0.1)
from timm.scheduler import CosineLRScheduler
t = CosineLRScheduler(opt, t_initial=30, lr_min=0.005, warmup_t=5, warmup_lr_init=0.001, cycle_limit=1)
print("timm", [t._get_lr(e)[0] for e in (0,2,5,20,40)])
