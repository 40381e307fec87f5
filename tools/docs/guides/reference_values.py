# The reference values quoted in docs/port-a-config.md, printed by the real libraries
# (/work/pyenv: torch 2.13, keras 3.15 on numpy, optax 0.2.8, transformers 5.18). Run by hand;
# tests never run Python, they check lrsched against the numbers the guide quotes.
import os
os.environ["KERAS_BACKEND"]="numpy"
import sys, types, importlib.util, importlib.metadata
import torch
import optax, transformers, keras
print("versions", torch.__version__, optax.__version__, transformers.__version__, keras.__version__)
# torch: SequentialLR(LinearLR warmup 5, CosineAnnealingLR T_max 95) lr 0.1
m = torch.nn.Linear(1,1)
opt = torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9)
s = torch.optim.lr_scheduler.SequentialLR(opt, [torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=5), torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=95)], milestones=[5])
lrs=[opt.param_groups[0]["lr"]]
for e in range(60):
    opt.step(); s.step(); lrs.append(opt.param_groups[0]["lr"])
print("torch", [lrs[i] for i in (0,4,5,50)])
# keras
sch = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.0, decay_steps=900, alpha=0.1, warmup_target=0.1, warmup_steps=100)
print("keras", [float(sch(i)) for i in (50,100,550,1000)])
print("keras config", sch.get_config())
# optax
f = optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=0.1, warmup_steps=100, decay_steps=1000, end_value=0.001)
print("optax", [float(f(i)) for i in (50,100,550,1000,2000)])
# HF
opt = torch.optim.SGD(m.parameters(), lr=0.1)
h = transformers.get_scheduler("cosine", opt, num_warmup_steps=10, num_training_steps=110)
l=[opt.param_groups[0]["lr"]]
for i in range(110):
    opt.step(); h.step(); l.append(opt.param_groups[0]["lr"])
print("hf", [l[i] for i in (0,5,10,60,110)])
