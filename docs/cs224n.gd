# CS224n's worked example (seed 004): s = Uᵀ f(Wx + b) with f = sigmoid.
# graddiff's ds/dW is δ xᵀ with δ = U ∘ f'(z): graddiff --explain -f docs/cs224n.gd
W = [[0.5, -0.3], [0.8, 0.2], [-0.6, 0.4]]
x = [1, 2]
b = [0.1, -0.2, 0.3]
U = [0.7, -0.5, 0.9]
z = W @ x + b
a = sigmoid(z)
s = Uᵀ @ a
