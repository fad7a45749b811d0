# `import torch` alone reaches the submodules; a CPU-only machine answers no to every accelerator.
import torch

print(torch.nn.Linear, torch.nn.functional.relu(torch.tensor([-1.0, 2.0])))
print(torch.optim.SGD, torch.utils.data.DataLoader, torch.autograd.Function)
print("cuda:", torch.cuda.is_available(), torch.cuda.device_count())
print("mps:", torch.backends.mps.is_available(), torch.backends.mps.is_built())
print("accelerator:", torch.accelerator.is_available())

where = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"running on {where}")

cpu = torch.device("cpu")
gpu = torch.device("cuda:1")
print(cpu, repr(cpu), cpu.type, cpu.index)
print(gpu, repr(gpu), gpu.type, gpu.index, repr(torch.device("cuda", 0)))
print(torch.device("cuda").index is None, cpu == torch.device("cpu"), cpu == gpu)

x = torch.arange(4.0)
print(x.to(cpu) is x, x.to("cpu") is x, x.device, x.to(device=cpu, dtype=torch.int64))
net = torch.nn.Sequential(torch.nn.Linear(2, 2))
print(net.to(cpu) is net)

for bad in ["tpu", "cuda:x"]:
    try:
        torch.device(bad)
    except RuntimeError as e:
        print("RuntimeError:", str(e)[:60])

torch.set_default_device("cpu")
print(torch.get_default_device())
