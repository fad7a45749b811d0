# %%
a = 1
a + 1

# %%
b = a / 0

# %%
print("after the error")
